import "server-only";
import { getDb } from "../db/client";
import { foldPass } from "../rollups/fold-rollups";
import { logJobFailure, type TBackgroundJob } from "./background-job";

// An event is in the scorecard within about this long (plus the pass itself); the target is 10 s at p99.
const INTERVAL_MS = 1_000;

/**
 * Folds new decisions and run events into the hourly and daily roll-ups every second. Passes never overlap within a process;
 * across processes a pass skips the watermark rows another holds (`FOR UPDATE SKIP LOCKED`).
 */
export const rollupWorker: TBackgroundJob = {
  name: "rollup-worker",
  exclusion: "skip-locked",
  start() {
    const db = getDb();
    let running = false;
    let stopped = false;
    // Pass after pass while a backlog is folded (each pass is bounded).
    const drain = async () => {
      for (;;) if (stopped || (await foldPass(db, {})).caughtUp) return;
    };
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      drain()
        .catch((error: unknown) => logJobFailure("rollup-worker", error))
        .finally(() => (running = false));
    }, INTERVAL_MS);
    timer.unref();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  },
};
