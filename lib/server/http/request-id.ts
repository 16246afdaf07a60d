import "server-only";
import { randomUUID } from "node:crypto";

const ACCEPTABLE = /^[A-Za-z0-9._-]{8,128}$/;

/** Keeps a caller's correlation id when it is sane, so logs join up across systems. */
export function requestIdOf(request: Request): string {
  return acceptRequestId(request.headers.get("x-request-id"));
}

export function acceptRequestId(given: string | null | undefined): string {
  return given && ACCEPTABLE.test(given) ? given : randomUUID();
}
