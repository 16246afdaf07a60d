import "server-only";
import type { TDashboard } from "@/lib/contracts/dashboard";
import { DENIAL_CATEGORIES, type TScorecardWindow } from "@/lib/contracts/scorecard";
import type { TSessionUser } from "../authz/principal";
import { workflowReadWhere } from "../authz/workflow-scope";
import { db as defaultDb, type TTx } from "../db/client";
import { listKillSwitches } from "../killswitch/list-kill-switches";
import { denialCategoryOf } from "../scorecard/denial-category";
import { planWindow } from "../scorecard/plan-window";
import { readControlInputs } from "../scorecard/read-control-inputs";
import { readSloTargets } from "../scorecard/read-slo-targets";
import { latencyCandidates, rankRiskiest } from "./rank-riskiest";
import { readDataFlows } from "./read-data-flows";
import { readFleetFigures, readFleetHistograms, readFleetTrends, readShadowActivity, readTopDenialCategories } from "./read-fleet-rollups";
import { readPendingApprovals } from "./read-pending-approvals";
import { summarizeInventory } from "./summarize-inventory";

const RISKIEST = 10;
const SOONEST_APPROVALS = 10;
const SHADOW_KEYS = 10;
const NOT_YET = "Measured once breakers and incidents exist";

/** Where the window's roll-up figures come from. bench/scorecard.ts swaps in the raw tables, to show what the roll-ups save. */
export type TDashboardSource = {
  readFleetFigures: typeof readFleetFigures;
  readFleetTrends: typeof readFleetTrends;
  readShadowActivity: typeof readShadowActivity;
  readFleetHistograms: typeof readFleetHistograms;
  readTopDenialCategories: typeof readTopDenialCategories;
};
const ROLLUPS: TDashboardSource = { readFleetFigures, readFleetTrends, readShadowActivity, readFleetHistograms, readTopDenialCategories };

/**
 * The risk dashboard, limited in every part to what `user` may see: their workflows' roll-ups,
 * approvals and grades, and kill switches as the kill-switch list shows them (every switch but those
 * on workflows they cannot read). Shadow workflows belong to nobody, so only people who read every
 * workflow see them. Live workflows (active, paused) are graded: a draft or retired one cannot run.
 */
export async function getDashboard(options: {
  db?: TTx;
  user: TSessionUser;
  window: TScorecardWindow;
  now?: Date;
  source?: TDashboardSource;
}): Promise<TDashboard> {
  const { user, window, source = ROLLUPS } = options;
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const plan = planWindow(window, now);
  const where = workflowReadWhere(user);
  // workflowReadWhere is {} for people who read every workflow: then the roll-ups need no id list.
  const fleetWide = Object.keys(where).length === 0;
  const workflows = await db.workflow.findMany({
    where,
    select: { id: true, key: true, name: true, status: true, environment: true, maxTier: true },
  });
  const ids = workflows.map((w) => w.id);
  const live = workflows.filter((w) => w.status === "ACTIVE" || w.status === "PAUSED");
  const scope = fleetWide ? null : ids;
  const rollups = { db, granularity: plan.granularity, period: plan.current, scope };

  const [figures, trends, shadow, pendingApprovals, switches, slos, controls] = await Promise.all([
    source.readFleetFigures(rollups),
    source.readFleetTrends(rollups),
    fleetWide
      ? source.readShadowActivity({ db, granularity: plan.granularity, period: plan.current, limit: SHADOW_KEYS })
      : { total: 0, recent: [] },
    readPendingApprovals({ db, user, now, limit: SOONEST_APPROVALS }),
    listKillSwitches({ tx: db, user, query: { state: "engaged", limit: 1 } }),
    readSloTargets({ db, workflowIds: live.map((w) => w.id) }),
    readControlInputs({ db, workflowIds: live.map((w) => w.id), now }),
  ]);
  // Every live workflow graded from its figures; latency histograms read only where they can change
  // the ranking; then the riskiest graded again knowing what they are denied for most (their advice).
  const ranking = { workflows: live, figures, slos, controls, limit: RISKIEST };
  const [hists, dataFlows] = await Promise.all([
    source.readFleetHistograms({ ...rollups, workflowIds: latencyCandidates(ranking) }),
    readDataFlows({ db, workflowIds: ids, allowedCalls: new Map([...figures].map(([id, f]) => [id, f.allowed])) }),
  ]);
  const riskiestIds = new Set(rankRiskiest({ ...ranking, hists }).map((r) => r.workflowId));
  const topDenials = await source.readTopDenialCategories({ ...rollups, workflowIds: [...riskiestIds] });
  const riskiest = rankRiskiest({ ...ranking, workflows: live.filter((w) => riskiestIds.has(w.id)), hists, topDenials });

  const engaged = switches.killSwitches;
  return {
    window,
    generatedAt: now.toISOString(),
    inventory: summarizeInventory(workflows, engaged),
    shadow,
    dataFlows,
    pendingApprovals,
    killSwitches: engaged.map((s) => ({
      id: s.id,
      scope: s.scope,
      target: s.scope === "GLOBAL" ? null : s.target,
      reason: s.reason,
      engagedAt: s.engagedAt,
      engagedBy: s.engagedByLabel,
    })),
    denialTrend: denialTrend(plan.bucketStarts, trends.denials),
    dlpTrend: dlpTrend(plan.bucketStarts, trends),
    riskiest,
    incidents: { measured: false, note: NOT_YET },
  };
}

/** Every bucket × every category, zeros included, so a stacked chart needs no gap-filling. */
function denialTrend(
  bucketStarts: readonly Date[],
  rows: readonly { bucketStart: Date; reason: string; decisions: number }[],
): TDashboard["denialTrend"] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const category = denialCategoryOf(row.reason);
    if (category)
      counts.set(`${row.bucketStart.getTime()}/${category}`, (counts.get(`${row.bucketStart.getTime()}/${category}`) ?? 0) + row.decisions);
  }
  return bucketStarts.flatMap((start) =>
    DENIAL_CATEGORIES.map((category) => ({
      bucketStart: start.toISOString(),
      category,
      count: counts.get(`${start.getTime()}/${category}`) ?? 0,
    })),
  );
}

/** Per bucket: values redacted from run events, and calls denied for undeclared sensitive data (the DLP category). */
function dlpTrend(
  bucketStarts: readonly Date[],
  trends: {
    denials: readonly { bucketStart: Date; reason: string; decisions: number }[];
    redactions: readonly { bucketStart: Date; redactions: number }[];
  },
): TDashboard["dlpTrend"] {
  const points = new Map(bucketStarts.map((d) => [d.getTime(), { bucketStart: d.toISOString(), redactions: 0, denials: 0 }]));
  for (const r of trends.redactions) {
    const point = points.get(r.bucketStart.getTime());
    if (point) point.redactions += r.redactions;
  }
  for (const d of trends.denials) {
    const point = points.get(d.bucketStart.getTime());
    if (point && denialCategoryOf(d.reason) === "dlp") point.denials += d.decisions;
  }
  return [...points.values()];
}
