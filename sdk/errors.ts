import type { TProblem } from "@/lib/contracts/errors";
import type { TScreenResponse } from "@/lib/contracts/screen";
import type { TDecision, TTollgateReason } from "./types";

/** The gate (or the SDK, failing closed) refused the call; the tool did not run. */
export class TollgateDeniedError extends Error {
  override name = "TollgateDeniedError";
  readonly tool: string;
  readonly reasons: TTollgateReason[];
  /** Rule 7 (rate limit) only: when a retry can succeed. */
  readonly retryAfterSeconds?: number;

  constructor(readonly decision: TDecision) {
    // The message is what a model sees through wrapTools: say what was refused and why.
    super(`Tollgate denied ${decision.tool}: ${decision.reasons.map((reason) => reason.message).join("; ")}`);
    this.tool = decision.tool;
    this.reasons = decision.reasons;
    if ("retryAfterSeconds" in decision) this.retryAfterSeconds = decision.retryAfterSeconds;
  }

  /** The first reason's code, e.g. `tool_not_allowed` or `kill_switch_state_unknown`. */
  get code(): TTollgateReason["code"] {
    return this.reasons[0]?.code ?? "gate_unreachable";
  }
}

/** The gate refused the request itself (bad token, invalid body…): fix the call, retrying will not help. */
export class TollgateRequestError extends Error {
  override name = "TollgateRequestError";
  constructor(
    readonly status: number,
    readonly problem: TProblem | null,
  ) {
    super(problem ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ""}` : `Tollgate answered ${status}`);
  }
}

/** No usable answer: network error, timeout, 5xx or a body that is not what the contract says. */
export class TollgateUnreachableError extends Error {
  override name = "TollgateUnreachableError";
  constructor(
    message: string,
    /** From a 429's or 503's Retry-After, when the gate sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The tool ran, but screening says none of its result may go to the model (e.g. card data it may not carry). */
export class TollgateScreenedError extends Error {
  override name = "TollgateScreenedError";
  constructor(
    readonly tool: string,
    readonly screening: TScreenResponse,
  ) {
    // What a model sees through wrapTools: why the result is withheld, never the result.
    super(`Tollgate withheld the result of ${tool}: ${screening.reasons.map((reason) => reason.message).join("; ")}`);
  }

  get code(): string {
    return this.screening.reasons[0]?.code ?? "screened";
  }
}
