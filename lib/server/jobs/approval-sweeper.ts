import "server-only";
import { sweepApprovals } from "../approvals/sweep-approvals";
import { getDb } from "../db/client";
import { logJobFailure, type TBackgroundJob } from "./background-job";

const INTERVAL_MS = 1_000;

/**
 * Expires and escalates approvals every second. Passes never overlap within a process; across
 * processes `sweepApprovals` claims its rows with `FOR UPDATE SKIP LOCKED`.
 */
export const approvalSweeper: TBackgroundJob = {
  name: "approval-sweeper",
  exclusion: "skip-locked",
  start() {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      sweepApprovals(getDb())
        .catch((error: unknown) => logJobFailure("approval-sweeper", error))
        .finally(() => (running = false));
    }, INTERVAL_MS);
    timer.unref();
    return () => clearInterval(timer);
  },
};
