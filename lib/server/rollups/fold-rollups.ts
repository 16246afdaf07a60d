import "server-only";
import type { TDb, TTx } from "../db/client";
import { batchEndOf, FOLD_DECISIONS, FOLD_EVENTS } from "./fold-statements";

/** Raw rows a pass folds from each table, at most (give or take the rest of one transaction's rows). */
export const FOLD_BATCH_ROWS = 50_000;

const SOURCES = { decisions: FOLD_DECISIONS, run_events: FOLD_EVENTS } as const;
type TSource = keyof typeof SOURCES;

/**
 * One pass of the roll-up job: folds the raw decisions and run events not yet counted into the
 * hourly and daily roll-ups, and returns how many raw rows it folded.
 *
 * Exact by construction. Each table's watermark row holds `folded_below`, a transaction id: every
 * row stored by a transaction below it is counted. A pass takes `upper` = the oldest transaction
 * still running (pg_snapshot_xmin), so every transaction below `upper` has ended and its rows are
 * visible; it folds the rows with folded_below <= ingest_xid < upper and moves the watermark to
 * `upper`, in one transaction that holds the watermark row's lock. A transaction that commits late
 * held `upper` back until it ended, so its rows are folded by a later pass, once; two workers never
 * fold the same range (the second skips the locked row, or with `wait` folds what is left); a
 * crash rolls the pass back whole. The cost: a transaction left open anywhere in the cluster holds
 * the roll-ups back until it ends.
 */
export async function foldRollups(db: TDb, options: { wait?: boolean; batchRows?: number } = {}): Promise<number> {
  return (await foldPass(db, options)).folded;
}

/**
 * Folds until nothing committed before the call is left (waiting for a worker that holds the
 * watermark): for seeding, tests and benchmarks that need the roll-ups complete now.
 */
export async function catchUpRollups(db: TDb): Promise<number> {
  let total = 0;
  for (;;) {
    const pass = await foldPass(db, { wait: true });
    total += pass.folded;
    if (pass.caughtUp) return total;
  }
}

/** One pass; `caughtUp` when each table was folded up to `upper` (not cut short by the batch size). */
export async function foldPass(db: TDb, options: { wait?: boolean; batchRows?: number }): Promise<{ folded: number; caughtUp: boolean }> {
  const { wait = false, batchRows = FOLD_BATCH_ROWS } = options;
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRawUnsafe<{ source: TSource; folded_below: string }[]>(
        `SELECT source, folded_below::text AS folded_below FROM rollup_watermarks WHERE source IN ('decisions', 'run_events')
         ORDER BY source FOR UPDATE ${wait ? "" : "SKIP LOCKED"}`,
      );
      // Another worker is folding: it will have folded what this pass would have.
      if (!locked.length) return { folded: 0, caughtUp: true };
      // A backlog's pass groups hundreds of thousands of rows: sorted in memory, not on disk.
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '64MB'`);
      // A statement after the lock: the snapshot that folds sees every transaction below `upper` ended.
      const [{ upper } = { upper: "0" }] = await tx.$queryRawUnsafe<{ upper: string }[]>(
        `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS upper`,
      );
      const pass = { folded: 0, caughtUp: true };
      for (const { source, folded_below: from } of locked) {
        const done = await foldSource(tx, source, from, upper, batchRows);
        pass.folded += done.folded;
        pass.caughtUp &&= done.to === upper;
      }
      return pass;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}

async function foldSource(tx: TTx, source: TSource, from: string, upper: string, batchRows: number) {
  const [end] = await tx.$queryRawUnsafe<{ xid: string }[]>(batchEndOf(source), from, upper, batchRows);
  // One transaction holding more than a batch of rows is folded whole, alone.
  const to = !end ? upper : end.xid === from ? (BigInt(from) + 1n).toString() : end.xid;
  let folded = 0;
  if (BigInt(to) > BigInt(from)) {
    const [result] = await tx.$queryRawUnsafe<{ folded: bigint }[]>(SOURCES[source], from, to);
    folded = Number(result?.folded ?? 0);
  }
  // Moved (and timed) even when nothing was folded: folded_at says how current the roll-ups are.
  await tx.$executeRawUnsafe(
    `UPDATE rollup_watermarks SET folded_below = $2::xid8, folded_at = now(), rows_folded = rows_folded + $3 WHERE source = $1`,
    source,
    BigInt(to) > BigInt(from) ? to : from,
    folded,
  );
  return { folded, to };
}
