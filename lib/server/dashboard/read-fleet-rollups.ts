import "server-only";
import type { TDenialCategory } from "@/lib/contracts/scorecard";
import type { TTx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { LATENCY_BUCKET_COUNT } from "../rollups/latency-histogram";
import { denialCategoryOf } from "../scorecard/denial-category";
import type { TGranularity, TPeriod } from "../scorecard/plan-window";

/** Which workflows' rows to read: every one (null) or these ids only. */
export type TFleetScope = readonly string[] | null;

/** One workflow's figures over a window: what its grade is computed from. */
export type TWorkflowFigures = {
  runs: number;
  ended: number;
  succeeded: number;
  toolResults: number;
  toolFailures: number;
  overrides: number;
  /** Whether any tool result or model call was timed: only then is there a latency histogram to read. */
  timed: boolean;
  decisions: number;
  allowed: number;
  denied: number;
};

const GRAIN: Record<TGranularity, { workflows: Prisma.Sql; denials: Prisma.Sql; events: Prisma.Sql; decisions: Prisma.Sql }> = {
  hourly: {
    workflows: Prisma.raw("workflow_rollups_hourly"),
    denials: Prisma.raw("denial_rollups_hourly"),
    events: Prisma.raw("event_rollups_hourly"),
    decisions: Prisma.raw("decision_rollups_hourly"),
  },
  daily: {
    workflows: Prisma.raw("workflow_rollups_daily"),
    denials: Prisma.raw("denial_rollups_daily"),
    events: Prisma.raw("event_rollups_daily"),
    decisions: Prisma.raw("decision_rollups_daily"),
  },
};

// Position i of the histograms summed on its own: plain column sums beat unnesting arrays (and
// the array-adding aggregate) severalfold.
const HIST_SUMS = Prisma.raw(Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `coalesce(sum(latency_hist[${i + 1}]), 0)`).join(", "));

const inWindow = (period: TPeriod) => Prisma.sql`bucket_start >= ${period.from} AND bucket_start < ${period.to}`;
const ofScope = (scope: TFleetScope) => (scope ? Prisma.sql`AND workflow_id = ANY(${[...scope]}::uuid[])` : Prisma.empty);

/** As the roll-ups store histograms: trailing empty buckets left off. */
export function withoutTrailingZeros(hist: readonly number[]): number[] {
  let end = hist.length;
  while (end > 0 && hist[end - 1] === 0) end--;
  return hist.slice(0, end);
}

type TFiguresSql = { workflow_id: string; timed: boolean } & Record<
  "runs" | "ended" | "succeeded" | "tool_results" | "tool_failures" | "overrides" | "decisions" | "allowed" | "denied",
  bigint
>;

export const toFigures = (r: TFiguresSql): TWorkflowFigures => ({
  runs: Number(r.runs),
  ended: Number(r.ended),
  succeeded: Number(r.succeeded),
  toolResults: Number(r.tool_results),
  toolFailures: Number(r.tool_failures),
  overrides: Number(r.overrides),
  timed: r.timed,
  decisions: Number(r.decisions),
  allowed: Number(r.allowed),
  denied: Number(r.denied),
});

/**
 * Every workflow's figures over the window in one grouped query, from the per-workflow roll-ups
 * (one row per workflow and hour or day): about 30,000 rows for 1,000 workflows over 30 days,
 * where the per-tool roll-ups hold hundreds of thousands. Histograms are read apart, for the few
 * workflows whose latency can change the ranking (readFleetHistograms).
 */
export async function readFleetFigures(options: {
  db: TTx;
  granularity: TGranularity;
  period: TPeriod;
  scope: TFleetScope;
}): Promise<Map<string, TWorkflowFigures>> {
  const { db, period, scope } = options;
  const rows = await db.$queryRaw<TFiguresSql[]>`
    SELECT workflow_id::text AS workflow_id, sum(runs)::bigint AS runs, sum(runs_ended)::bigint AS ended,
           sum(runs_succeeded)::bigint AS succeeded, sum(tool_results)::bigint AS tool_results, sum(tool_failures)::bigint AS tool_failures,
           sum(overrides)::bigint AS overrides, sum(decisions)::bigint AS decisions, sum(decisions_allowed)::bigint AS allowed,
           sum(decisions_denied)::bigint AS denied, coalesce(max(cardinality(latency_hist)), 0) > 0 AS timed
    FROM ${GRAIN[options.granularity].workflows}
    WHERE ${inWindow(period)} ${ofScope(scope)}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.workflow_id, toFigures(r)]));
}

/** These workflows' latency histograms over the window (tool results and model calls), by their index. */
export async function readFleetHistograms(options: {
  db: TTx;
  granularity: TGranularity;
  period: TPeriod;
  workflowIds: readonly string[];
}): Promise<Map<string, number[]>> {
  const { db, period, workflowIds } = options;
  if (!workflowIds.length) return new Map();
  const rows = await db.$queryRaw<{ workflow_id: string; hist: bigint[] }[]>`
    SELECT workflow_id::text AS workflow_id, ARRAY[${HIST_SUMS}]::bigint[] AS hist
    FROM ${GRAIN[options.granularity].workflows}
    WHERE workflow_id = ANY(${[...workflowIds]}::uuid[]) AND ${inWindow(period)}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.workflow_id, withoutTrailingZeros(r.hist.map(Number))]));
}

/** The denial category each of these workflows was denied for most over the window (for the grade's advice). */
export async function readTopDenialCategories(options: {
  db: TTx;
  granularity: TGranularity;
  period: TPeriod;
  workflowIds: readonly string[];
}): Promise<Map<string, TDenialCategory>> {
  const { db, period, workflowIds } = options;
  if (!workflowIds.length) return new Map();
  const rows = await db.$queryRaw<{ workflow_id: string; reason: string; denials: bigint }[]>`
    SELECT workflow_id::text AS workflow_id, reason, sum(decisions)::bigint AS denials
    FROM ${GRAIN[options.granularity].decisions}
    WHERE workflow_id = ANY(${[...workflowIds]}::uuid[]) AND ${inWindow(period)} AND outcome = 'DENY'
    GROUP BY 1, 2`;
  return topCategories(rows.map((r) => ({ workflowId: r.workflow_id, reason: r.reason, denials: Number(r.denials) })));
}

/** Per workflow, the category with the most denials (the contract's order breaks ties). */
export function topCategories(rows: readonly { workflowId: string; reason: string; denials: number }[]): Map<string, TDenialCategory> {
  const counts = new Map<string, Map<TDenialCategory, number>>();
  for (const { workflowId, reason, denials } of rows) {
    const category = denialCategoryOf(reason);
    if (!category || denials <= 0) continue;
    const mine = counts.get(workflowId) ?? new Map<TDenialCategory, number>();
    mine.set(category, (mine.get(category) ?? 0) + denials);
    counts.set(workflowId, mine);
  }
  return new Map([...counts].map(([id, mine]) => [id, [...mine].reduce((top, entry) => (entry[1] > top[1] ? entry : top))[0]]));
}

type TTrendSql = { bucket_start: Date; reason: string; denials: bigint };
type TRedactionSql = { bucket_start: Date; redactions: bigint };

/**
 * Denials per bucket and deciding reason, and values redacted from run events per bucket. Fleet-wide
 * from the fleet's denial roll-ups (shadow workflows' redactions count too: that data moved); for
 * a few workflows, from their own rows by index.
 */
export async function readFleetTrends(options: { db: TTx; granularity: TGranularity; period: TPeriod; scope: TFleetScope }) {
  const { db, period, scope } = options;
  const grain = GRAIN[options.granularity];
  const window = inWindow(period);
  const [denials, redactions] = await Promise.all([
    scope
      ? db.$queryRaw<TTrendSql[]>`
          SELECT bucket_start, reason, sum(decisions)::bigint AS denials FROM ${grain.decisions}
          WHERE ${window} ${ofScope(scope)} AND outcome = 'DENY' GROUP BY 1, 2`
      : db.$queryRaw<TTrendSql[]>`SELECT bucket_start, reason, denials FROM ${grain.denials} WHERE ${window}`,
    db.$queryRaw<TRedactionSql[]>`
      SELECT bucket_start, sum(redactions)::bigint AS redactions FROM (
        SELECT bucket_start, redactions FROM ${grain.workflows} WHERE ${window} ${ofScope(scope)} AND redactions > 0
        ${scope ? Prisma.empty : Prisma.sql`UNION ALL SELECT bucket_start, redactions FROM ${grain.events} WHERE workflow_id IS NULL AND ${window} AND redactions > 0`}
      ) r GROUP BY 1`,
  ]);
  return {
    denials: denials.map((r) => ({ bucketStart: r.bucket_start, reason: r.reason, decisions: Number(r.denials) })),
    redactions: redactions.map((r) => ({ bucketStart: r.bucket_start, redactions: Number(r.redactions) })),
  };
}

type TShadowSql = { key: string; first_seen_at: Date; last_seen_at: Date; events: bigint };

/** Keys nobody registered: how many, and the busiest over the window (then the most recently seen). */
export async function readShadowActivity(options: { db: TTx; granularity: TGranularity; period: TPeriod; limit: number }) {
  const { db, period, limit } = options;
  const [total, recent] = await Promise.all([
    db.shadowWorkflow.count({ where: { registeredWorkflowId: null } }),
    db.$queryRaw<TShadowSql[]>`
      SELECT s.key, s.first_seen_at, s.last_seen_at, coalesce(e.events, 0)::bigint AS events
      FROM shadow_workflows s
      LEFT JOIN (
        SELECT workflow_key, sum(events) AS events FROM ${GRAIN[options.granularity].events}
        WHERE workflow_id IS NULL AND ${inWindow(period)}
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
