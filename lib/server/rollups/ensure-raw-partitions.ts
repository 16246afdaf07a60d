import "server-only";
import type { TDb } from "../db/client";

/**
 * Creates the monthly partitions of `decisions` and `run_events` from `monthsBack` months before
 * the current UTC month to `monthsAhead` after it, so rows of the normal path never land in the
 * DEFAULT partition (which takes only far-off timestamps). Rows the default partition already
 * holds for a month created now move into it. Returns how many partitions it created.
 */
export async function ensureRawPartitions(db: TDb, options: { monthsBack?: number; monthsAhead?: number } = {}): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ created: number }[]>(
    `SELECT tollgate_ensure_raw_partitions($1::int, $2::int) AS created`,
    options.monthsBack ?? 1,
    options.monthsAhead ?? 3,
  );
  return row?.created ?? 0;
}
