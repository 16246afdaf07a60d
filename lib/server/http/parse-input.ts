import "server-only";
import type { z } from "zod";
import type { TFieldProblem } from "@/lib/contracts/errors";
import { AppError } from "../errors";
import { findInputProblems, MAX_INPUT_DEPTH } from "../input/find-input-problems";

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

type TWhere = "body" | "query" | "params";

/**
 * Refuses input Postgres could not store (NUL, unpaired surrogates) or too deep to walk safely,
 * naming each field. `text: false` leaves the text to a route that judges items one by one.
 */
export function checkInput<T>(value: T, where: TWhere, options: { text?: boolean } = {}): T {
  const problems = findInputProblems({ value, path: where, text: options.text });
  const first = problems[0];
  if (first) throw new AppError("validation_failed", `The request ${where} is refused at ${first.path}: ${first.message}`, problems);
  return value;
}

// Bodies are decoded from UTF-8, which yields no unpaired surrogate and (JSON forbidding raw
// control characters in strings) no stored NUL: only these escapes can produce either.
const MAYBE_UNSTORABLE = /\\u(?:0000|[dD][89a-fA-F])/;

function count(text: string, char: string, upTo: number): number {
  let n = 0;
  for (let at = text.indexOf(char); at !== -1 && n <= upTo; at = text.indexOf(char, at + 1)) n++;
  return n;
}

/** Fewer openers than the limit cannot nest past it, so most bodies skip the walk (indexOf: ~0.1 µs a decision). */
function mayNestTooDeep(text: string): boolean {
  const braces = count(text, "{", MAX_INPUT_DEPTH);
  return braces > MAX_INPUT_DEPTH || braces + count(text, "[", MAX_INPUT_DEPTH - braces) > MAX_INPUT_DEPTH;
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

/** Parses a JSON body and applies checkInput, cheaply: the exact walk runs only when the text hints at a problem. */
export function parseJsonText(text: string, options: { text?: boolean } = {}): unknown {
  if (!text.trim()) throw new AppError("bad_request", "The request body is empty; send a JSON document");
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("bad_request", `The request body is not valid JSON: ${(error as Error).message}`);
  }
  const checkText = (options.text ?? true) && text.includes("\\u") && MAYBE_UNSTORABLE.test(text);
  if (checkText || mayNestTooDeep(text)) checkInput(value, "body", { text: checkText });
  return value;
}

/** Reads a JSON body without ever buffering more than `maxBytes`. */
export async function readJsonBody(request: Request, maxBytes: number, options: { text?: boolean } = {}): Promise<unknown> {
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
  return parseJsonText(Buffer.concat(chunks).toString("utf8"), options);
}

export const tooLarge = (maxBytes: number) => new AppError("payload_too_large", `The request body exceeds the limit of ${maxBytes} bytes`);
