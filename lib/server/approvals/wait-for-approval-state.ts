import "server-only";
import type { TApprovalState } from "@/lib/contracts/approvals";
import { db } from "../db/client";
import { notificationHub } from "../db/notifications";
import { parseApprovalNotice } from "./parse-approval-notice";
import { readApprovalState } from "./read-approval-state";

// Notifications sent while the listener is down are lost: poll until it is back.
const POLL_WHILE_DISCONNECTED_MS = 500;

/**
 * Long-poll: the request's state once it is no longer pending (decided, expired or cancelled), or
 * its pending state after `waitSeconds`. Listening starts before the first read, so a decision
 * landing in between still wakes the waiter.
 */
export async function waitForApprovalState(options: {
  id: string;
  workflowId: string;
  waitSeconds: number;
  signal?: AbortSignal;
}): Promise<TApprovalState | null> {
  const { id, workflowId, signal } = options;
  const deadline = Date.now() + options.waitSeconds * 1000;
  const hub = notificationHub();
  let wake: () => void = () => {};
  const woken = () => new Promise<void>((resolve) => (wake = resolve));
  let next = woken();
  const stopListening = hub.on("tollgate_approval", (payload) => {
    if (parseApprovalNotice(payload)?.id === id) wake();
  });
  const stopState = hub.onState(({ connected }) => connected && wake());
  const onAbort = () => wake();
  signal?.addEventListener("abort", onAbort);
  try {
    await hub.start().catch(() => {});
    for (;;) {
      const state = await readApprovalState(db, { id, workflowId });
      const left = deadline - Date.now();
      if (!state || state.status !== "PENDING" || left <= 0 || signal?.aborted) return state;
      const untilExpiry = new Date(state.expiresAt).getTime() - Date.now();
      const nap = Math.max(0, Math.min(left, untilExpiry, hub.connected ? Infinity : POLL_WHILE_DISCONNECTED_MS));
      const timer = setTimeout(() => wake(), nap);
      await next;
      clearTimeout(timer);
      next = woken();
    }
  } finally {
    stopListening();
    stopState();
    signal?.removeEventListener("abort", onAbort);
  }
}
