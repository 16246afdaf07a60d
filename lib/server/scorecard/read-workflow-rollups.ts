import "server-only";
import type { TTx } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { TGranularity } from "./plan-window";
import type { TDecisionRow, TEventRow } from "./summarize-period";

// Table names cannot be parameters: only these two fixed pairs are ever spliced in.
const EVENT_TABLE: Record<TGranularity, Prisma.Sql> = {
  hourly: Prisma.raw("event_rollups_hourly"),
  daily: Prisma.raw("event_rollups_daily"),
};
const DECISION_TABLE: Record<TGranularity, Prisma.Sql> = {
  hourly: Prisma.raw("decision_rollups_hourly"),
  daily: Prisma.raw("decision_rollups_daily"),
};

type TEventSql = { bucket_start: Date; type: string; outcome: string; events: bigint; redactions: bigint; hist: bigint[] | null };
type TDecisionSql = { bucket_start: Date; outcome: string; reason: string; decisions: bigint };

/**
 * One workflow's roll-up rows over [from, to), summed over its tools: a few thousand rows at most
 * for 30 days of the busiest workflow, read by the (workflow_id, bucket_start) index.
 */
export async function readWorkflowRollups(options: {
  db: TTx;
  workflowId: string;
  granularity: TGranularity;
  from: Date;
  to: Date;
}): Promise<{ events: TEventRow[]; decisions: TDecisionRow[] }> {
  const { db, workflowId, granularity, from, to } = options;
  const [events, decisions] = await Promise.all([
    db.$queryRaw<TEventSql[]>`
      SELECT bucket_start, type, outcome, sum(events)::bigint AS events, sum(redactions)::bigint AS redactions,
             tollgate_hist_sum(latency_hist) FILTER (WHERE latency_hist IS NOT NULL) AS hist
      FROM ${EVENT_TABLE[granularity]}
      WHERE workflow_id = ${workflowId}::uuid AND bucket_start >= ${from} AND bucket_start < ${to}
      GROUP BY bucket_start, type, outcome`,
    db.$queryRaw<TDecisionSql[]>`
      SELECT bucket_start, outcome::text AS outcome, reason, sum(decisions)::bigint AS decisions
      FROM ${DECISION_TABLE[granularity]}
      WHERE workflow_id = ${workflowId}::uuid AND bucket_start >= ${from} AND bucket_start < ${to}
      GROUP BY bucket_start, outcome, reason`,
  ]);
  return {
    events: events.map((r) => ({
      bucketStart: r.bucket_start,
      type: r.type,
      outcome: r.outcome,
      events: Number(r.events),
      redactions: Number(r.redactions),
      hist: (r.hist ?? []).map(Number),
    })),
    decisions: decisions.map((r) => ({
      bucketStart: r.bucket_start,
      outcome: r.outcome,
      reason: r.reason,
      decisions: Number(r.decisions),
    })),
  };
}
