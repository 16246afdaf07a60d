import "server-only";
import type { TTx } from "../db/client";
import { ALERT_WINDOW_MS, type TAlertWindow, type TRunCounts } from "./slo-math";

type TSql = Record<`ended_${"5m" | "30m" | "1h" | "6h"}` | `failed_${"5m" | "30m" | "1h" | "6h"}`, number>;

/**
 * Ended and failed runs over the last 5 min, 30 min, 1 h and 6 h, for the burn-rate alerts. Hourly
 * roll-ups cannot answer a 5-minute window, so this reads the raw run_end events of the last six
 * hours: one workflow, one index range ((workflow_id, occurred_at)), only the current month's
 * partition or two.
 */
export async function readBurnCounts(options: { db: TTx; workflowId: string; now: Date }): Promise<Record<TAlertWindow, TRunCounts>> {
  const { db, workflowId, now } = options;
  const since = (w: TAlertWindow) => new Date(now.getTime() - ALERT_WINDOW_MS[w]);
  const [row] = await db.$queryRaw<TSql[]>`
    SELECT
      count(*) FILTER (WHERE occurred_at > ${since("5m")})::int AS "ended_5m",
      count(*) FILTER (WHERE occurred_at > ${since("5m")} AND outcome IS DISTINCT FROM 'success')::int AS "failed_5m",
      count(*) FILTER (WHERE occurred_at > ${since("30m")})::int AS "ended_30m",
      count(*) FILTER (WHERE occurred_at > ${since("30m")} AND outcome IS DISTINCT FROM 'success')::int AS "failed_30m",
      count(*) FILTER (WHERE occurred_at > ${since("1h")})::int AS "ended_1h",
      count(*) FILTER (WHERE occurred_at > ${since("1h")} AND outcome IS DISTINCT FROM 'success')::int AS "failed_1h",
      count(*)::int AS "ended_6h",
      count(*) FILTER (WHERE outcome IS DISTINCT FROM 'success')::int AS "failed_6h"
    FROM run_events
    WHERE workflow_id = ${workflowId}::uuid AND type = 'run_ended' AND occurred_at > ${since("6h")} AND occurred_at <= ${now}`;
  const counts = (w: TAlertWindow): TRunCounts => ({ ended: row?.[`ended_${w}`] ?? 0, failed: row?.[`failed_${w}`] ?? 0 });
  return { "5m": counts("5m"), "30m": counts("30m"), "1h": counts("1h"), "6h": counts("6h") };
}
