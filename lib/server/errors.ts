import "server-only";
import type { TErrorCode, TFieldProblem } from "@/lib/contracts/errors";

/**
 * An expected failure whose `detail` is safe and useful to show the caller. Anything else that is
 * thrown is unexpected: logged with the request id and answered with a bare 500.
 */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: TErrorCode,
    readonly detail: string,
    readonly fieldProblems?: TFieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found`);
export const conflict = (detail: string) => new AppError("conflict", detail);
export const forbidden = (detail: string) => new AppError("forbidden", detail);
