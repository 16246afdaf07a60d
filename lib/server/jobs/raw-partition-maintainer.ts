import "server-only";
import { getDb } from "../db/client";
import { ensureRawPartitions } from "../rollups/ensure-raw-partitions";
import { logJobFailure, type TBackgroundJob } from "./background-job";

// Months are created three ahead, so an hour between checks leaves months of slack.
const INTERVAL_MS = 3_600_000;

/**
 * Keeps the monthly partitions of `decisions` and `run_events` created ahead of time (at start,
 * then hourly), so the normal path never writes into the DEFAULT partition. Several processes
 * may run it at once: the SQL function creates a month under a transaction-scoped advisory lock.
 */
export const rawPartitionMaintainer: TBackgroundJob = {
  name: "raw-partition-maintainer",
  exclusion: "advisory-lock",
  start() {
    const run = () => void ensureRawPartitions(getDb()).catch((error: unknown) => logJobFailure("raw-partition-maintainer", error));
    const timer = setInterval(run, INTERVAL_MS);
    timer.unref();
    run();
    return () => clearInterval(timer);
  },
};
