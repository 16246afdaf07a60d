import "server-only";
import type { z } from "zod";
import type { TFieldProblem } from "@/lib/contracts/errors";
import { AppError } from "../errors";

export function fieldProblems(error: z.ZodError, prefix: string): TFieldProblem[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}

export function validate<T>(schema: z.ZodType<T>, value: unknown, where: "body" | "query" | "params"): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("validation_failed", `The request ${where} has invalid fields`, fieldProblems(parsed.error, where));
}

/** Query strings as plain objects; a repeated key becomes an array. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return out;
}

/** Refuses a body that is not JSON or declares more than `maxBytes`, before reading any of it. */
export function checkJsonHeaders(contentType: string | null | undefined, contentLength: string | null | undefined, maxBytes: number): void {
  const type = contentType ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", `Send the body as application/json (got "${type || "no content-type"}")`);
  }
  if (Number(contentLength ?? "0") > maxBytes) throw tooLarge(maxBytes);
}

export function parseJsonText(text: string): unknown {
  if (!text.trim()) throw new AppError("bad_request", "The request body is empty; send a JSON document");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("bad_request", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads a JSON body without ever buffering more than `maxBytes`. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  checkJsonHeaders(request.headers.get("content-type"), request.headers.get("content-length"), maxBytes);
  const reader = request.body?.getReader();
  if (!reader) throw new AppError("bad_request", "The request has no body; send a JSON document");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return parseJsonText(Buffer.concat(chunks).toString("utf8"));
}

export const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The request body exceeds the limit of ${maxBytes} bytes`);
