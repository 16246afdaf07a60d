import type { TPeriodMetrics, TRate } from "@/lib/contracts/scorecard";
import { deltaOf, formatCount, formatMs, formatPercent, type TBetter, type TDelta, type TFigureKind } from "./scorecard-format";

export type THeadlineFigure = {
  id: string;
  label: string;
  value: string;
  /** What it was computed from, e.g. "972 of 1,000 runs". */
  detail: string | null;
  previous: string;
  delta: TDelta;
};

type TSpec = {
  id: string;
  label: string;
  kind: TFigureKind;
  better: TBetter;
  pick: (metrics: TPeriodMetrics) => number | null;
  /** The rate behind a percentage, to say what it was computed from. */
  rate?: (metrics: TPeriodMetrics) => TRate;
};

const SPECS: TSpec[] = [
  { id: "runs", label: "Runs", kind: "count", better: "neither", pick: (m) => m.runs },
  { id: "success", label: "Success rate", kind: "rate", better: "higher", pick: (m) => m.successRate.value, rate: (m) => m.successRate },
  { id: "p50", label: "p50 latency", kind: "ms", better: "lower", pick: (m) => m.latency.p50 },
  { id: "p95", label: "p95 latency", kind: "ms", better: "lower", pick: (m) => m.latency.p95 },
  { id: "p99", label: "p99 latency", kind: "ms", better: "lower", pick: (m) => m.latency.p99 },
  {
    id: "tool-errors",
    label: "Tool error rate",
    kind: "rate",
    better: "lower",
    pick: (m) => m.toolErrorRate.value,
    rate: (m) => m.toolErrorRate,
  },
  { id: "denials", label: "Denial rate", kind: "rate", better: "lower", pick: (m) => m.denialRate.value, rate: (m) => m.denialRate },
  {
    id: "approval-rate",
    label: "Approval rate",
    kind: "rate",
    better: "neither",
    pick: (m) => m.approvals.approvalRate.value,
    rate: (m) => m.approvals.approvalRate,
  },
  { id: "time-to-approve", label: "Median time to approve", kind: "ms", better: "lower", pick: (m) => m.approvals.medianTimeToApproveMs },
  {
    id: "overrides",
    label: "Human override rate",
    kind: "rate",
    better: "lower",
    pick: (m) => m.overrideRate.value,
    rate: (m) => m.overrideRate,
  },
  { id: "rollbacks", label: "Rollbacks", kind: "count", better: "lower", pick: (m) => m.rollbacks },
  { id: "errors", label: "Errors", kind: "count", better: "lower", pick: (m) => m.errors },
  { id: "dlp", label: "DLP redactions", kind: "count", better: "neither", pick: (m) => m.dlpRedactions },
];

function format(value: number | null, kind: TFigureKind): string {
  if (kind === "rate") return formatPercent(value);
  if (kind === "ms") return formatMs(value);
  return value === null ? "—" : formatCount(value);
}

function rateDetail(rate: TRate): string {
  return rate.denominator === 0 ? "none counted" : `${formatCount(rate.numerator)} of ${formatCount(rate.denominator)}`;
}

/** The scorecard's headline tiles: each figure now, the previous period's, and the change in words. */
export function headlineFigures(current: TPeriodMetrics, previous: TPeriodMetrics): THeadlineFigure[] {
  return SPECS.map((spec) => {
    const now = spec.pick(current);
    const before = spec.pick(previous);
    const detail = spec.rate
      ? rateDetail(spec.rate(current))
      : spec.id.startsWith("p")
        ? `${formatCount(current.latency.samples)} samples`
        : null;
    return {
      id: spec.id,
      label: spec.label,
      value: format(now, spec.kind),
      detail,
      previous: format(before, spec.kind),
      delta: deltaOf({ current: now, previous: before, kind: spec.kind, better: spec.better }),
    };
  });
}
