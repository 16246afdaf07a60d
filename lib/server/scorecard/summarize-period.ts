import "server-only";
import type { z } from "zod";
import { DENIAL_CATEGORIES, type TDenialCategory, type TPeriodMetrics, type ZTrendPoint } from "@/lib/contracts/scorecard";
import { mergeHistograms, percentileFromHistogram } from "../rollups/latency-histogram";
import { denialCategoryOf } from "./denial-category";
import type { TPeriod } from "./plan-window";
import { rateOf } from "./slo-math";

type TTrendPoint = z.infer<typeof ZTrendPoint>;

/** One roll-up row of run events, summed over a workflow's tools. `outcome` is '' for none. */
export type TEventRow = { bucketStart: Date; type: string; outcome: string; events: number; redactions: number; hist: number[] };
/** One roll-up row of decisions, summed over tools; `reason` is the deciding reason code. */
export type TDecisionRow = { bucketStart: Date; outcome: string; reason: string; decisions: number };
/** Approval requests created in a period, by status; the median is over approved ones only. */
export type TApprovalRow = { status: string; count: number; medianMs: number | null };

const NOT_YET = "Measured once breakers and incidents exist";
// Latency people wait on: tool results and model calls (a tool_call's latency is time at the gate).
const TIMED_TYPES = new Set(["tool_result", "model_call"]);

const inPeriod = (period: TPeriod) => (row: { bucketStart: Date }) =>
  row.bucketStart.getTime() >= period.from.getTime() && row.bucketStart.getTime() < period.to.getTime();

/** The figures the run events give, from roll-up rows already narrowed to one period or bucket. */
export function eventFigures(rows: readonly TEventRow[]) {
  const count = (type: string, outcome?: string) =>
    rows.filter((r) => r.type === type && (outcome === undefined || r.outcome === outcome)).reduce((sum, r) => sum + r.events, 0);
  const runs = count("run_started");
  const ended = count("run_ended");
  const hist = mergeHistograms(...rows.filter((r) => TIMED_TYPES.has(r.type)).map((r) => r.hist));
  const overrides = count("human_override");
  return {
    runs,
    ended,
    succeeded: count("run_ended", "success"),
    toolCalls: count("tool_call"),
    toolResults: count("tool_result"),
    toolFailures: count("tool_result", "failure"),
    overrides,
    rollbacks: count("rollback"),
    errors: count("error"),
    redactions: rows.reduce((sum, r) => sum + r.redactions, 0),
    hist,
  };
}

/** The figures the decisions give: totals, denials and their categories. */
export function decisionFigures(rows: readonly TDecisionRow[]) {
  const byCategory = new Map<TDenialCategory, number>();
  let denied = 0;
  for (const row of rows) {
    if (row.outcome !== "DENY") continue;
    denied += row.decisions;
    const category = denialCategoryOf(row.reason);
    if (category) byCategory.set(category, (byCategory.get(category) ?? 0) + row.decisions);
  }
  const total = rows.reduce((sum, r) => sum + r.decisions, 0);
  // Every category, in the contract's order, so two periods line up side by side.
  const denialsByReason = DENIAL_CATEGORIES.map((category) => ({ category, count: byCategory.get(category) ?? 0 }));
  return { total, denied, denialsByReason };
}

function approvalFigures(rows: readonly TApprovalRow[]): TPeriodMetrics["approvals"] {
  const of = (status: string) => rows.find((r) => r.status === status)?.count ?? 0;
  const approved = of("APPROVED");
  const rejected = of("DENIED");
  const expired = of("EXPIRED");
  return {
    requested: rows.reduce((sum, r) => sum + r.count, 0),
    approved,
    rejected,
    expired,
    pending: of("PENDING"),
    // Of the requests people (or the clock) decided; cancelled ones were withdrawn by a halt.
    approvalRate: rateOf(approved, approved + rejected + expired),
    medianTimeToApproveMs: rows.find((r) => r.status === "APPROVED")?.medianMs ?? null,
  };
}

/** One period's metrics from the roll-up rows (both periods' rows may be passed: each is narrowed here). */
export function summarizePeriod(options: {
  period: TPeriod;
  events: readonly TEventRow[];
  decisions: readonly TDecisionRow[];
  approvals: readonly TApprovalRow[];
}): TPeriodMetrics {
  const { period } = options;
  const ev = eventFigures(options.events.filter(inPeriod(period)));
  const dec = decisionFigures(options.decisions.filter(inPeriod(period)));
  const samples = ev.hist.reduce((sum, n) => sum + n, 0);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    runs: ev.runs,
    successRate: rateOf(ev.succeeded, ev.ended),
    latency: {
      samples,
      p50: percentileFromHistogram(ev.hist, 0.5),
      p95: percentileFromHistogram(ev.hist, 0.95),
      p99: percentileFromHistogram(ev.hist, 0.99),
    },
    toolCalls: ev.toolCalls,
    toolErrorRate: rateOf(ev.toolFailures, ev.toolResults),
    decisions: dec.total,
    denialRate: rateOf(dec.denied, dec.total),
    denialsByReason: dec.denialsByReason,
    approvals: approvalFigures(options.approvals),
    overrides: ev.overrides,
    overrideRate: rateOf(ev.overrides, ev.runs),
    rollbacks: ev.rollbacks,
    errors: ev.errors,
    dlpRedactions: ev.redactions,
    incidents: { measured: false, note: NOT_YET },
    meanTimeToDetectMs: { measured: false, note: NOT_YET },
    timeToHaltMs: { measured: false, note: NOT_YET },
  };
}

// Map.groupBy arrives with Node 21; this runs on 20.
function byBucket<T extends { bucketStart: Date }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const at = row.bucketStart.getTime();
    const group = groups.get(at);
    if (group) group.push(row);
    else groups.set(at, [row]);
  }
  return groups;
}

/** One trend point per bucket of the window, empty buckets included (nulls, not zeros, where nothing was counted). */
export function trendOf(options: {
  bucketStarts: readonly Date[];
  events: readonly TEventRow[];
  decisions: readonly TDecisionRow[];
}): TTrendPoint[] {
  const eventsAt = byBucket(options.events);
  const decisionsAt = byBucket(options.decisions);
  return options.bucketStarts.map((start) => {
    const ev = eventFigures(eventsAt.get(start.getTime()) ?? []);
    const dec = decisionFigures(decisionsAt.get(start.getTime()) ?? []);
    return {
      bucketStart: start.toISOString(),
      runs: ev.runs,
      decisions: dec.total,
      successRate: rateOf(ev.succeeded, ev.ended).value,
      toolErrorRate: rateOf(ev.toolFailures, ev.toolResults).value,
      denialRate: rateOf(dec.denied, dec.total).value,
      overrideRate: rateOf(ev.overrides, ev.runs).value,
      p95LatencyMs: percentileFromHistogram(ev.hist, 0.95),
    };
  });
}
