import "server-only";

/**
 * A loop the server process runs in its background. Every server process runs every job, so each
 * declares how two processes running it at once stay out of each other's way: `skip-locked` (each
 * pass claims its rows with `FOR UPDATE SKIP LOCKED`) or `advisory-lock` (one process at a time
 * holds a Postgres advisory lock). `start` begins the loop and returns the function that stops it;
 * a failed pass is logged and retried, never thrown into the server.
 */
export type TBackgroundJob = {
  name: string;
  exclusion: "skip-locked" | "advisory-lock";
  start: () => () => void;
};

/** One line of JSON on stderr for a pass that failed; the next pass retries. */
export function logJobFailure(job: string, error: unknown): void {
  console.error(
    JSON.stringify({ level: "error", component: job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
}
