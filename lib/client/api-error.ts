import { ERROR_STATUS, ERROR_TITLES, type TErrorCode, type TFieldProblem, type TProblem } from "@/lib/contracts/errors";

const INPUT_PREFIX = /^(body|query|params)\./;

/** A failed API call as the UI needs it: what to say, and which form fields to mark. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly code: TErrorCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly requestId: string | null;
  /** First message per top-level input field (`body.roles.0` → `roles`). */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Every field problem, in order: what a long report (an import) lists in full. */
  readonly problems: readonly TFieldProblem[];

  constructor(options: {
    code: TErrorCode;
    status: number;
    title?: string;
    detail?: string;
    requestId?: string | null;
    errors?: TFieldProblem[];
  }) {
    const title = options.title ?? ERROR_TITLES[options.code];
    super(options.detail ?? title);
    this.code = options.code;
    this.status = options.status;
    this.title = title;
    this.detail = options.detail ?? title;
    this.requestId = options.requestId ?? null;
    const fieldErrors: Record<string, string> = {};
    for (const problem of options.errors ?? []) {
      const field = problem.path.replace(INPUT_PREFIX, "").split(".")[0] ?? "";
      if (field && !(field in fieldErrors)) fieldErrors[field] = problem.message;
    }
    this.fieldErrors = fieldErrors;
    this.problems = options.errors ?? [];
  }

  static fromProblem(problem: TProblem): ApiError {
    return new ApiError({ ...problem, detail: problem.detail ?? problem.title });
  }

  /** Field problems not tied to a field the form shows, so they still reach the person. */
  otherFieldErrors(shown: readonly string[]): string[] {
    return Object.entries(this.fieldErrors)
      .filter(([field]) => !shown.includes(field))
      .map(([field, message]) => `${field}: ${message}`);
  }
}

/** The code for a status when the server sent no problem document (a proxy's 502, say). */
export function codeForStatus(status: number): TErrorCode {
  const match = (Object.entries(ERROR_STATUS) as [TErrorCode, number][]).find(([, s]) => s === status);
  if (match) return match[0];
  return status >= 500 ? "internal" : "bad_request";
}
