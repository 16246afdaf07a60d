import "server-only";
import { getDb, type TDb } from "../db/client";

/** Counted up to this many; past it the roll-ups are simply far behind. */
const PENDING_COUNT_CAP = 100_000;

export type TRollupFreshness = {
  /** When the last pass ran, for the table last folded (a pass runs about every second). */
  foldedAt: Date;
  /** Milliseconds since then. */
  ageMs: number;
  /** Committed raw rows not yet counted, both tables (at most 100,000 each). */
  pendingRows: number;
};

/** How current the roll-ups are: the scorecard and dashboard show it beside their figures. */
export async function readRollupFreshness(db: TDb = getDb()): Promise<TRollupFreshness> {
  const [row] = await db.$queryRawUnsafe<{ folded_at: Date; age_ms: number; pending: bigint }[]>(`
    SELECT min(w.folded_at) AS folded_at, (extract(epoch FROM clock_timestamp() - min(w.folded_at)) * 1000)::float8 AS age_ms,
      (SELECT count(*) FROM (SELECT 1 FROM decisions d, rollup_watermarks x
          WHERE x.source = 'decisions' AND d.ingest_xid >= x.folded_below LIMIT ${PENDING_COUNT_CAP}) p)
      + (SELECT count(*) FROM (SELECT 1 FROM run_events e, rollup_watermarks x
          WHERE x.source = 'run_events' AND e.ingest_xid >= x.folded_below LIMIT ${PENDING_COUNT_CAP}) p) AS pending
    FROM rollup_watermarks w`);
  if (!row) throw new Error("rollup_watermarks is empty: the migration partitioned_raw_and_rollups seeds it");
  return { foldedAt: row.folded_at, ageMs: Math.max(0, Math.round(row.age_ms)), pendingRows: Number(row.pending) };
}
