import { APPROVAL_WAIT_MAX_SECONDS, ZApprovalState } from "@/lib/contracts/approvals";
import { backoffDelay, delay, type TBackoff } from "./backoff";
import { TollgateUnreachableError } from "./errors";
import type { TGateHttp } from "./gate-http";

// The gate expires requests itself; this only bounds the wait when it cannot tell us.
const EXPIRY_GRACE_MS = 30_000;
// Slack for the gate's answer after its long-poll ends.
const RESPONSE_SLACK_MS = 10_000;

export type TWaitForApprovalOptions = {
  http: TGateHttp;
  approvalId: string;
  /** When known from the decision; learned from the first answer otherwise. */
  expiresAt?: string;
  /** Long-poll length per request (at most 55 s). */
  pollSeconds: number;
  retry: TBackoff;
  signal?: AbortSignal;
};

/**
 * Long-polls `GET /api/v1/approvals/{id}` until the request leaves PENDING (or its deadline passed
 * while the gate could not say so), riding out gate outages with backoff. Which final status it
 * reached is for the gate to tell on the next decision; throws the signal's reason when aborted.
 */
export async function waitForApproval(options: TWaitForApprovalOptions): Promise<void> {
  const { http, approvalId, signal } = options;
  let expiresAt = options.expiresAt ? Date.parse(options.expiresAt) : Number.POSITIVE_INFINITY;
  for (let failures = 0; ;) {
    signal?.throwIfAborted();
    const remainingMs = expiresAt + EXPIRY_GRACE_MS - Date.now();
    if (remainingMs <= 0) return;
    const waitSeconds = Math.max(0, Math.min(options.pollSeconds, APPROVAL_WAIT_MAX_SECONDS, Math.ceil(remainingMs / 1000)));
    try {
      const state = await http.request({
        method: "GET",
        path: `/api/v1/approvals/${encodeURIComponent(approvalId)}?waitSeconds=${waitSeconds}`,
        schema: ZApprovalState,
        signal,
        timeoutMs: waitSeconds * 1000 + RESPONSE_SLACK_MS,
      });
      if (state.status !== "PENDING") return;
      expiresAt = Date.parse(state.expiresAt);
      failures = 0;
    } catch (error) {
      signal?.throwIfAborted();
      if (!(error instanceof TollgateUnreachableError)) throw error;
      await delay(Math.min(error.retryAfterMs ?? backoffDelay(failures++, options.retry), Math.max(remainingMs, 0)), signal);
    }
  }
}
