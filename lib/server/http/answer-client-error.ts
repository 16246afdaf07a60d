import "server-only";
import { randomUUID } from "node:crypto";
import type { Duplex } from "node:stream";
import { AppError } from "../errors";
import { PROBLEM_CONTENT_TYPE, problemBody, problemOf } from "./problem";
import { API_SECURITY_HEADERS } from "./security-headers";

type TClientError = Error & { code?: string };

/**
 * What node:http answers itself, before any route runs (a request line and headers past its
 * 16 KB limit, a malformed request line): the same problem+json 400 as every other refusal,
 * instead of Node's bare 431 or 400 status line with no body.
 */
export function answerClientError(error: TClientError, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const refusal =
    error.code === "HPE_HEADER_OVERFLOW"
      ? new AppError("bad_request", "The request line and headers exceed 16 KB; shorten the URL (query string) or the headers")
      : new AppError("bad_request", "The request is not valid HTTP/1.1");
  const requestId = randomUUID();
  const text = JSON.stringify(problemBody(problemOf(refusal, { requestId, instance: "", method: "" })));
  const headers = {
    ...API_SECURITY_HEADERS,
    "content-type": PROBLEM_CONTENT_TYPE,
    "content-length": String(Buffer.byteLength(text)),
    "x-request-id": requestId,
    connection: "close",
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  socket.end(`HTTP/1.1 400 Bad Request\r\n${head}\r\n${text}`);
}
