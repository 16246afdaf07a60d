import "server-only";
import { approvalSweeper } from "./approval-sweeper";
import type { TBackgroundJob } from "./background-job";
import { rawPartitionMaintainer } from "./raw-partition-maintainer";
import { rollupWorker } from "./rollup-worker";
import { webhookDispatcher } from "./webhook-dispatcher";

/** Every background job the server process runs; a new job is declared in its own file and listed here. */
export const BACKGROUND_JOBS: readonly TBackgroundJob[] = [approvalSweeper, webhookDispatcher, rawPartitionMaintainer, rollupWorker];
