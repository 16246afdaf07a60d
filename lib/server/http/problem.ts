import "server-only";
import { AppError } from "../errors";
import { ERROR_STATUS, ERROR_TITLES, problemType, type TErrorCode, type TFieldProblem, type TProblem } from "@/lib/contracts/errors";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

type TProblemOptions = {
  code: TErrorCode;
  requestId: string;
  instance?: string;
  detail?: string;
  errors?: TFieldProblem[];
  headers?: Record<string, string>;
};

/** The RFC 9457 document, shared by Next's route handlers and the runtime's node:http ones. */
export function problemBody(options: TProblemOptions): TProblem {
  const status = ERROR_STATUS[options.code];
  return {
    type: problemType(options.code),
    title: ERROR_TITLES[options.code],
    status,
    code: options.code,
    requestId: options.requestId,
    ...(options.detail ? { detail: options.detail } : {}),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.errors?.length ? { errors: options.errors } : {}),
  };
}

export function problemResponse(options: TProblemOptions): Response {
  const status = ERROR_STATUS[options.code];
  const body = problemBody(options);
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "x-request-id": options.requestId, ...options.headers },
  });
}

/** What a thrown error becomes: an AppError says what to fix; anything else is logged and answered with a bare 500. */
export function problemOf(error: unknown, where: { requestId: string; instance: string; method: string }): TProblemOptions {
  const { requestId, instance } = where;
  if (error instanceof AppError) {
    return {
      code: error.code,
      requestId,
      instance,
      detail: error.detail,
      ...(error.fieldProblems ? { errors: error.fieldProblems } : {}),
      ...(error.headers ? { headers: error.headers } : {}),
    };
  }
  // Unexpected: the log gets the details, the caller only the request id to quote.
  console.error(
    JSON.stringify({
      level: "error",
      requestId,
      method: where.method,
      path: instance,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
  );
  return { code: "internal", requestId, instance, detail: `Something went wrong on our side; quote request id ${requestId}` };
}
