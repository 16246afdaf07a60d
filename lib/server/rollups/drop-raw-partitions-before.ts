import "server-only";
import type { TDb, TTx } from "../db/client";

const RAW_TABLES = [
  { table: "decisions", key: "decided_at" },
  { table: "run_events", key: "occurred_at" },
] as const;
// Partitions are named by tollgate_ensure_month_partition (see the migration): <table>_pYYYY_MM.
const MONTH_PARTITION = /^(decisions|run_events)_p(\d{4})_(\d{2})$/;

export type TDroppedRaw = {
  /** Whole months dropped, e.g. "run_events_p2026_01". */
  dropped: string[];
  /** Months before the cut kept because they hold rows the roll-ups have not counted yet. */
  kept: string[];
  /** Rows before the cut deleted from the DEFAULT partitions (timestamps outside every month). */
  defaultRowsDeleted: number;
};

/**
 * Retention: drops the raw decisions and run events of every month that ends on or before
 * `before` (a UTC month start), whole partitions at a time; the roll-ups keep their counts. A
 * month holding rows not yet folded is kept (try again after the next pass): dropping it would
 * lose them from the roll-ups too. Each month is locked before it is checked, so nothing is
 * written into it between the check and the drop. A month is detached in one transaction (a
 * brief exclusive lock on the raw table: writes wait for it, none fail) and dropped in the next,
 * so the slow part (removing gigabytes of files) holds no lock anyone waits on; a month detached
 * but not yet dropped (a crash in between) is dropped by the next call.
 */
export async function dropRawPartitionsBefore(db: TDb, before: Date): Promise<TDroppedRaw> {
  if (before.getUTCDate() !== 1 || before.getTime() % 86_400_000 !== 0) {
    throw new RangeError(`Retention cuts at the start of a UTC month, not at ${before.toISOString()}`);
  }
  const result: TDroppedRaw = { dropped: [], kept: [], defaultRowsDeleted: 0 };
  const months = await db.$queryRawUnsafe<{ name: string; attached: boolean }[]>(
    `SELECT relname AS name, relispartition AS attached FROM pg_class
     WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname ~ '^(decisions|run_events)_p[0-9]{4}_[0-9]{2}$'
     ORDER BY relname`,
  );
  for (const { name, attached } of months) {
    const [, table, year, month] = MONTH_PARTITION.exec(name) ?? [];
    if (!table || Date.UTC(Number(year), Number(month), 1) > before.getTime()) continue;
    const detached = !attached || (await db.$transaction((tx) => detachIfFolded(tx, table, name), { timeout: 60_000 }));
    if (detached) await db.$executeRawUnsafe(`DROP TABLE ${name}`);
    (detached ? result.dropped : result.kept).push(name);
  }
  for (const { table, key } of RAW_TABLES) {
    result.defaultRowsDeleted += await db.$executeRawUnsafe(
      `DELETE FROM ${table}_default WHERE ${key} < $1
         AND ingest_xid < (SELECT folded_below FROM rollup_watermarks WHERE source = '${table}')`,
      before,
    );
  }
  return result;
}

async function detachIfFolded(tx: TTx, table: string, partition: string): Promise<boolean> {
  // The watermark first (a pass holds it while it reads every partition), then the month (waits
  // for writers into it to end): in the other order a pass and a drop could wait on each other.
  const [mark] = await tx.$queryRawUnsafe<{ below: string }[]>(
    `SELECT folded_below::text AS below FROM rollup_watermarks WHERE source = $1 FOR SHARE`,
    table,
  );
  await tx.$executeRawUnsafe(`LOCK TABLE ${partition} IN ACCESS EXCLUSIVE MODE`);
  const [row] = await tx.$queryRawUnsafe<{ pending: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM ${partition} WHERE ingest_xid >= $1::xid8) AS pending`,
    mark?.below ?? "0",
  );
  if (row?.pending) return false;
  await tx.$executeRawUnsafe(`ALTER TABLE ${table} DETACH PARTITION ${partition}`);
  return true;
}
