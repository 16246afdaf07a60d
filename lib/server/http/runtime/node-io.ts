import "server-only";
import { isUtf8 } from "node:buffer";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../../errors";
import { checkJsonHeaders, parseJsonText, tooLarge } from "../parse-input";
import { PROBLEM_CONTENT_TYPE, problemBody, problemOf } from "../problem";
import { acceptRequestId } from "../request-id";
import { API_SECURITY_HEADERS } from "../security-headers";

export function requestIdOfNode(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return acceptRequestId(typeof given === "string" ? given : null);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  sendJsonText(res, status, JSON.stringify(body), requestId, headers);
}

export function sendJsonText(
  res: ServerResponse,
  status: number,
  text: string | Buffer,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...API_SECURITY_HEADERS,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-request-id": requestId,
    ...headers,
  });
  res.end(text);
}

/** The same problem+json and logging as Next's routes (problemOf decides both). */
export function sendError(res: ServerResponse, error: unknown, requestId: string, req: IncomingMessage): void {
  if (res.headersSent) return void res.end();
  const problem = problemOf(error, { requestId, instance: (req.url ?? "/").split("?")[0] ?? "/", method: req.method ?? "" });
  const body = problemBody(problem);
  const text = JSON.stringify(body);
  res.writeHead(body.status, {
    ...API_SECURITY_HEADERS,
    "content-type": PROBLEM_CONTENT_TYPE,
    "content-length": Buffer.byteLength(text),
    "x-request-id": requestId,
    ...problem.headers,
  });
  res.end(text);
}

/** Reads a JSON body, never buffering more than `maxBytes`. */
export async function readJson(req: IncomingMessage, maxBytes: number, options: { text?: boolean } = {}): Promise<unknown> {
  try {
    checkJsonHeaders(req.headers["content-type"], req.headers["content-length"], maxBytes);
  } catch (error) {
    req.resume();
    throw error;
  }
  // A small body usually arrives in the request's first packet: by the time a route reads it the
  // parser has finished the message and the bytes wait in the stream, to be taken in one read.
  if (req.complete && req.readableFlowing !== true) {
    if (req.readableLength > maxBytes) {
      req.resume();
      throw tooLarge(maxBytes);
    }
    return parseJsonText(utf8Text((req.read() as Buffer | null) ?? Buffer.alloc(0)), options);
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
      reject(tooLarge(maxBytes));
    };
    req.on("data", onData);
    req.once("end", () => resolve(parts));
    req.once("error", reject);
  });
  return parseJsonText(utf8Text(Buffer.concat(chunks)), options);
}

/** JSON is UTF-8 (RFC 8259): bytes that are not would otherwise become U+FFFD, silently changing what was sent. */
function utf8Text(bytes: Buffer): string {
  if (!isUtf8(bytes)) throw new AppError("bad_request", "The request body is not valid UTF-8; send JSON encoded as UTF-8");
  return bytes.toString("utf8");
}
