import { z } from "zod";

// One table from error code to HTTP status; the server and the client parser both read it.
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  cross_site_request: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type TErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<TErrorCode, string> = {
  bad_request: "Bad request",
  validation_failed: "Your request has invalid fields",
  unauthenticated: "Sign-in or a valid service token is required",
  forbidden: "You are not allowed to do this",
  cross_site_request: "Cross-site request refused",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict with the current state",
  payload_too_large: "Request body too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  internal: "Internal error",
  unavailable: "Service unavailable",
};

export const problemType = (code: TErrorCode) => `urn:tollgate:problem:${code}`;

export const ZFieldProblem = z.object({ path: z.string(), message: z.string() });
export type TFieldProblem = z.infer<typeof ZFieldProblem>;

/** RFC 9457 problem details, with Tollgate's extension members. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.enum(Object.keys(ERROR_STATUS) as [TErrorCode, ...TErrorCode[]]),
  requestId: z.string(),
  errors: z.array(ZFieldProblem).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;
