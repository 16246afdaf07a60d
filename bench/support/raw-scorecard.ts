import type { TTx } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import type { TDenialCategory } from "@/lib/contracts/scorecard";
import { topCategories, withoutTrailingZeros, type TFleetScope, type TWorkflowFigures } from "@/lib/server/dashboard/read-fleet-rollups";
import type { TGranularity, TPeriod } from "@/lib/server/scorecard/plan-window";
import type { TDecisionRow, TEventRow } from "@/lib/server/scorecard/summarize-period";

// The scorecard's and the dashboard's roll-up reads, answered from the raw tables instead: the
// same rows (a test holds them equal), for the bench's same-run baseline.

const UNIT: Record<TGranularity, string> = { hourly: "hour", daily: "day" };

type TEventSql = { bucket_start: Date; type: string; outcome: string; events: bigint; redactions: bigint; hist: bigint[] | null };
type TDecisionSql = { bucket_start: Date; outcome: string; reason: string; decisions: bigint };

const toEvents = (rows: TEventSql[]): TEventRow[] =>
  rows.map((r) => ({
    bucketStart: r.bucket_start,
    type: r.type,
    outcome: r.outcome,
    events: Number(r.events),
    redactions: Number(r.redactions),
    hist: (r.hist ?? []).map(Number),
  }));

/** readWorkflowRollups, from run_events and decisions. */
export async function readWorkflowRaw(options: { db: TTx; workflowId: string; granularity: TGranularity; from: Date; to: Date }) {
  const { db, workflowId, from, to } = options;
  const unit = UNIT[options.granularity];
  const [events, decisions] = await Promise.all([
    db.$queryRaw<TEventSql[]>`
      WITH b AS (
        SELECT date_trunc(${unit}, occurred_at, 'UTC') AS bucket_start, type, coalesce(outcome, '') AS outcome,
               tollgate_latency_bucket(latency_ms) AS lb, count(*) AS events, sum(redactions) AS redactions
        FROM run_events
        WHERE workflow_id = ${workflowId}::uuid AND occurred_at >= ${from} AND occurred_at < ${to}
        GROUP BY 1, 2, 3, 4
      )
      SELECT bucket_start, type, outcome, sum(events)::bigint AS events, sum(redactions)::bigint AS redactions,
             tollgate_hist_from(array_agg(lb) FILTER (WHERE lb IS NOT NULL), array_agg(events) FILTER (WHERE lb IS NOT NULL)) AS hist
      FROM b GROUP BY 1, 2, 3`,
    db.$queryRaw<TDecisionSql[]>`
      SELECT date_trunc(${unit}, decided_at, 'UTC') AS bucket_start, outcome::text AS outcome,
             coalesce(reasons -> 0 ->> 'code', '') AS reason, count(*)::bigint AS decisions
      FROM decisions
      WHERE workflow_id = ${workflowId}::uuid AND decided_at >= ${from} AND decided_at < ${to}
      GROUP BY 1, 2, 3`,
  ]);
  return {
    events: toEvents(events),
    decisions: decisions.map((r) => ({
      bucketStart: r.bucket_start,
      outcome: r.outcome,
      reason: r.reason,
      decisions: Number(r.decisions),
    })) as TDecisionRow[],
  };
}

const scoped = (scope: TFleetScope) =>
  scope ? Prisma.sql`AND workflow_id = ANY(${[...scope]}::uuid[])` : Prisma.sql`AND workflow_id IS NOT NULL`;

/** readFleetFigures, from the raw tables. */
export async function readFleetRaw(options: { db: TTx; period: TPeriod; scope: TFleetScope }): Promise<Map<string, TWorkflowFigures>> {
  const { db, period, scope } = options;
  const window = (column: string) =>
    Prisma.sql`${Prisma.raw(column)} >= ${period.from} AND ${Prisma.raw(column)} < ${period.to} ${scoped(scope)}`;
  const [counts, hists, decided] = await Promise.all([
    db.$queryRaw<Record<string, bigint | string>[]>`
      SELECT workflow_id::text AS workflow_id,
        count(*) FILTER (WHERE type = 'run_started') AS runs, count(*) FILTER (WHERE type = 'run_ended') AS ended,
        count(*) FILTER (WHERE type = 'run_ended' AND outcome = 'success') AS succeeded, count(*) FILTER (WHERE type = 'tool_result') AS tool_results,
        count(*) FILTER (WHERE type = 'tool_result' AND outcome = 'failure') AS tool_failures, count(*) FILTER (WHERE type = 'human_override') AS overrides
      FROM run_events WHERE ${window("occurred_at")} GROUP BY 1`,
    db.$queryRaw<{ workflow_id: string }[]>`
      SELECT DISTINCT workflow_id::text AS workflow_id FROM run_events
      WHERE ${window("occurred_at")} AND type IN ('tool_result', 'model_call') AND latency_ms IS NOT NULL`,
    db.$queryRaw<Record<string, bigint | string>[]>`
      SELECT workflow_id::text AS workflow_id, count(*) AS decisions, count(*) FILTER (WHERE outcome = 'ALLOW') AS allowed,
        count(*) FILTER (WHERE outcome = 'DENY') AS denied
      FROM decisions WHERE ${window("decided_at")} GROUP BY 1`,
  ]);
  const figures = new Map<string, TWorkflowFigures>();
  const of = (id: string) => {
    const found = figures.get(id);
    if (found) return found;
    const made: TWorkflowFigures = {
      runs: 0,
      ended: 0,
      succeeded: 0,
      toolResults: 0,
      toolFailures: 0,
      overrides: 0,
      timed: false,
      decisions: 0,
      allowed: 0,
      denied: 0,
    };
    figures.set(id, made);
    return made;
  };
  const n = (v: bigint | string | undefined) => Number(v ?? 0);
  for (const r of counts) {
    Object.assign(of(String(r.workflow_id)), {
      runs: n(r.runs),
      ended: n(r.ended),
      succeeded: n(r.succeeded),
      toolResults: n(r.tool_results),
      toolFailures: n(r.tool_failures),
      overrides: n(r.overrides),
    });
  }
  for (const r of hists) of(r.workflow_id).timed = true;
  for (const r of decided)
    Object.assign(of(String(r.workflow_id)), { decisions: n(r.decisions), allowed: n(r.allowed), denied: n(r.denied) });
  return figures;
}

/** readFleetHistograms, from the raw run events. */
export async function readFleetHistogramsRaw(options: { db: TTx; period: TPeriod; workflowIds: readonly string[] }) {
  const { db, period, workflowIds } = options;
  if (!workflowIds.length) return new Map<string, number[]>();
  const rows = await db.$queryRaw<{ workflow_id: string; hist: bigint[] }[]>`
    SELECT workflow_id, tollgate_hist_from(array_agg(lb), array_agg(n)) AS hist
    FROM (
      SELECT workflow_id::text AS workflow_id, tollgate_latency_bucket(latency_ms) AS lb, count(*)::bigint AS n
      FROM run_events
      WHERE workflow_id = ANY(${[...workflowIds]}::uuid[]) AND occurred_at >= ${period.from} AND occurred_at < ${period.to}
        AND type IN ('tool_result', 'model_call') AND latency_ms IS NOT NULL
      GROUP BY 1, 2
    ) b GROUP BY 1`;
  return new Map(rows.map((r) => [r.workflow_id, withoutTrailingZeros(r.hist.map(Number))]));
}

/** readTopDenialCategories, from the raw decisions. */
export async function readTopDenialCategoriesRaw(options: { db: TTx; period: TPeriod; workflowIds: readonly string[] }) {
  const { db, period, workflowIds } = options;
  if (!workflowIds.length) return new Map<string, TDenialCategory>();
  const rows = await db.$queryRaw<{ workflow_id: string; reason: string; denials: bigint }[]>`
    SELECT workflow_id::text AS workflow_id, coalesce(reasons -> 0 ->> 'code', '') AS reason, count(*)::bigint AS denials
    FROM decisions
    WHERE workflow_id = ANY(${[...workflowIds]}::uuid[]) AND decided_at >= ${period.from} AND decided_at < ${period.to} AND outcome = 'DENY'
    GROUP BY 1, 2`;
  return topCategories(rows.map((r) => ({ workflowId: r.workflow_id, reason: r.reason, denials: Number(r.denials) })));
}

/** readFleetTrends, from the raw tables. */
export async function readFleetTrendsRaw(options: { db: TTx; granularity: TGranularity; period: TPeriod; scope: TFleetScope }) {
  const { db, period, scope } = options;
  const unit = UNIT[options.granularity];
  const [denials, redactions] = await Promise.all([
    db.$queryRaw<{ bucket_start: Date; reason: string; decisions: bigint }[]>`
      SELECT date_trunc(${unit}, decided_at, 'UTC') AS bucket_start, coalesce(reasons -> 0 ->> 'code', '') AS reason, count(*)::bigint AS decisions
      FROM decisions WHERE decided_at >= ${period.from} AND decided_at < ${period.to} ${scoped(scope)} AND outcome = 'DENY'
      GROUP BY 1, 2`,
    db.$queryRaw<{ bucket_start: Date; redactions: bigint }[]>`
      SELECT date_trunc(${unit}, occurred_at, 'UTC') AS bucket_start, sum(redactions)::bigint AS redactions
      FROM run_events WHERE occurred_at >= ${period.from} AND occurred_at < ${period.to} ${scope ? scoped(scope) : Prisma.empty} AND redactions > 0
      GROUP BY 1`,
  ]);
  return {
    denials: denials.map((r) => ({ bucketStart: r.bucket_start, reason: r.reason, decisions: Number(r.decisions) })),
    redactions: redactions.map((r) => ({ bucketStart: r.bucket_start, redactions: Number(r.redactions) })),
  };
}

/** readShadowActivity, from the raw run events. */
export async function readShadowActivityRaw(options: { db: TTx; granularity: TGranularity; period: TPeriod; limit: number }) {
  const { db, period, limit } = options;
  const [total, recent] = await Promise.all([
    db.shadowWorkflow.count({ where: { registeredWorkflowId: null } }),
    db.$queryRaw<{ key: string; first_seen_at: Date; last_seen_at: Date; events: bigint }[]>`
      SELECT s.key, s.first_seen_at, s.last_seen_at, coalesce(e.events, 0)::bigint AS events
      FROM shadow_workflows s
      LEFT JOIN (
        SELECT workflow_key, count(*) AS events FROM run_events
        WHERE workflow_id IS NULL AND occurred_at >= ${period.from} AND occurred_at < ${period.to}
        GROUP BY 1
      ) e ON e.workflow_key = s.key
      WHERE s.registered_workflow_id IS NULL
      ORDER BY events DESC, s.last_seen_at DESC
      LIMIT ${limit}`,
  ]);
  return {
    total,
    recent: recent.map((r) => ({
      key: r.key,
      firstSeenAt: r.first_seen_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      events: Number(r.events),
    })),
  };
}
