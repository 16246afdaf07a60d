import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { AppError } from "../../errors";
import { fieldProblems } from "../parse-input";
import { PROBLEM_CONTENT_TYPE, problemBody } from "../problem";

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function requestIdOfNode(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "x-request-id": requestId, ...headers });
  res.end(text);
}

/** The same problem+json and logging as Next's routes: AppErrors say what to fix, anything else is a bare 500. */
export function sendError(res: ServerResponse, error: unknown, requestId: string, req: IncomingMessage): void {
  const instance = (req.url ?? "/").split("?")[0] ?? "/";
  let body;
  let headers: Record<string, string> = {};
  if (error instanceof AppError) {
    body = problemBody({ code: error.code, requestId, instance, detail: error.detail, ...(error.fieldProblems ? { errors: error.fieldProblems } : {}) });
    headers = error.headers ?? {};
  } else {
    console.error(JSON.stringify({ level: "error", requestId, method: req.method, path: instance, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
    body = problemBody({ code: "internal", requestId, instance, detail: `Something went wrong on our side; quote request id ${requestId}` });
  }
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(body.status, { "content-type": PROBLEM_CONTENT_TYPE, "content-length": Buffer.byteLength(text), "x-request-id": requestId, ...headers });
  res.end(text);
}

/** Reads a JSON body, never buffering more than `maxBytes`. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", `Send the body as application/json (got "${type || "no content-type"}")`);
  }
  const tooLarge = () => new AppError("payload_too_large", `The request body exceeds the limit of ${maxBytes} bytes`);
  if (Number(req.headers["content-length"] ?? "0") > maxBytes) {
    req.resume();
    throw tooLarge();
  }
  const chunks = await new Promise<Buffer[]>((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void parts.push(chunk);
      // Stop keeping the body but keep reading it, so the answer can still be sent on this connection.
      req.off("data", onData);
      req.resume();
      reject(tooLarge());
    };
    req.on("data", onData);
    req.once("end", () => resolve(parts));
    req.once("error", reject);
  });
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new AppError("bad_request", "The request body is empty; send a JSON document");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("bad_request", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

export function validateInput<T>(schema: z.ZodType<T>, value: unknown, where: "body" | "query" | "params"): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("validation_failed", `The request ${where} has invalid fields`, fieldProblems(parsed.error, where));
}
