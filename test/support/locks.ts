import type pg from "pg";

/**
 * Resolves once `count` sessions of this database are queued on a lock — or `settled` finished
 * first — so a concurrency test releases its blocker only when every contender really waits.
 */
export async function untilWaitingOnLocks(options: { pool: pg.Pool; count: number; settled: Promise<unknown> }): Promise<void> {
  let done = false;
  void options.settled.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    const { rows } = await options.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if ((rows[0]?.n ?? 0) >= options.count) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
