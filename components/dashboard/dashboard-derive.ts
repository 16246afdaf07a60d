import { DENIAL_CATEGORIES, type TDenialCategory } from "@/lib/contracts/scorecard";
import type { TDashboard } from "@/lib/contracts/dashboard";
import type { TFlowGraph } from "@/components/charts/flow-sankey";
import { formatCount } from "@/components/scorecard/scorecard-format";
import { DENIAL_CATEGORY_LABELS } from "@/components/scorecard/labels";
import { ENVIRONMENT_LABELS, SENSITIVITY_LABELS, STATUS_LABELS } from "@/components/workflows/labels";

type TInventory = TDashboard["inventory"];
export type TBar = { label: string; value: number };

const STATUS_ORDER = ["ACTIVE", "PAUSED", "DRAFT", "RETIRED"] as const;
const ENVIRONMENT_ORDER = ["PROD", "STAGING", "DEV"] as const;
const TIER_ORDER = ["T3", "T2", "T1", "T0", "none"] as const;

/** Every status, environment and tier in a fixed order (zeros included), so charts compare across windows and people. */
export function inventoryBars(inventory: TInventory): { status: TBar[]; environment: TBar[]; tier: TBar[] } {
  const count = <T>(rows: readonly (T & { count: number })[], pick: (row: T) => string, key: string) =>
    rows.filter((row) => pick(row) === key).reduce((sum, row) => sum + row.count, 0);
  return {
    status: STATUS_ORDER.map((s) => ({ label: STATUS_LABELS[s], value: count(inventory.byStatus, (r) => r.status, s) })),
    environment: ENVIRONMENT_ORDER.map((e) => ({
      label: ENVIRONMENT_LABELS[e],
      value: count(inventory.byEnvironment, (r) => r.environment, e),
    })),
    tier: TIER_ORDER.map((t) => ({ label: t === "none" ? "No tools" : t, value: count(inventory.byHighestTier, (r) => r.tier, t) })),
  };
}

/** "Most: Prod (12)": the largest bar in words, for the chart's summary. */
export function largestText(bars: readonly TBar[], unit: string): string {
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  if (total === 0) return `No ${unit} yet.`;
  const top = bars.reduce((best, bar) => (bar.value > best.value ? bar : best));
  return `${formatCount(total)} ${unit}; the most: ${top.label} (${formatCount(top.value)}).`;
}

/** Pending approvals by deadline; "later" is what is neither overdue nor due within the hour. */
export function approvalDeadlines(pending: TDashboard["pendingApprovals"]): { overdue: number; dueWithinHour: number; later: number } {
  return {
    overdue: pending.overdue,
    dueWithinHour: pending.dueWithinHour,
    later: Math.max(0, pending.total - pending.overdue - pending.dueWithinHour),
  };
}

function minutesText(minutes: number): string {
  if (minutes < 1) return "less than a minute";
  if (minutes < 120) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}

/** How an approval stands against its deadline, measured from when the figures were made (so server and browser agree). */
export function deadlineText(expiresAt: string, now: string): { text: string; state: "overdue" | "soon" | "later" } {
  const minutes = Math.floor((Date.parse(expiresAt) - Date.parse(now)) / 60_000);
  if (minutes < 0) return { text: `overdue by ${minutesText(-minutes)}`, state: "overdue" };
  return { text: `due in ${minutesText(minutes)}`, state: minutes < 60 ? "soon" : "later" };
}

const sourceName = (flow: TDashboard["dataFlows"][number]) => `${flow.dataClass} (${SENSITIVITY_LABELS[flow.sensitivity]})`;
// The chart names the model without its version, to fit a phone; the table beside it has every detail.
const targetName = (flow: TDashboard["dataFlows"][number]) => flow.model.split("/")[0] ?? flow.model;

/** Data class → model, one band per flow that carried decisions in the window. */
export function flowGraph(flows: TDashboard["dataFlows"]): TFlowGraph {
  const carried = flows.filter((flow) => flow.decisions > 0);
  const sources = [...new Set(carried.map(sourceName))];
  const targets = [...new Set(carried.map(targetName))];
  return {
    nodes: [...sources.map((name) => ({ name, side: "source" as const })), ...targets.map((name) => ({ name, side: "target" as const }))],
    links: carried.map((flow) => ({
      source: sources.indexOf(sourceName(flow)),
      target: sources.length + targets.indexOf(targetName(flow)),
      value: flow.decisions,
    })),
  };
}

/** "1 value", "2 values": counts in sentences. */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Totals per denial category over the window, largest first, for the trend's summary and table. */
export function denialTotals(trend: TDashboard["denialTrend"]): { category: TDenialCategory; label: string; count: number }[] {
  return DENIAL_CATEGORIES.map((category) => ({
    category,
    label: DENIAL_CATEGORY_LABELS[category],
    count: trend.filter((point) => point.category === category).reduce((sum, point) => sum + point.count, 0),
  }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count);
}
