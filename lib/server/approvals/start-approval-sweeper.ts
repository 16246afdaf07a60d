import "server-only";
import { getDb } from "../db/client";
import { sweepApprovals } from "./sweep-approvals";

const INTERVAL_MS = 1_000;

/**
 * Sweeps every second in the background of the server process; returns the stop function. A
 * failed sweep is logged and retried on the next tick, never thrown into the server.
 */
export function startApprovalSweeper(): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepApprovals(getDb())
      .catch((error: unknown) =>
        console.error(JSON.stringify({ level: "error", component: "approval-sweeper", error: error instanceof Error ? (error.stack ?? error.message) : String(error) })),
      )
      .finally(() => (running = false));
  }, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
