import "server-only";
import type { TSloTargets } from "@/lib/contracts/scorecard";
import { formatMs, formatPercent } from "./format-figures";

const LINES: { field: keyof TSloTargets; label: string; show: (v: number) => string }[] = [
  { field: "successRate", label: "success rate target", show: formatPercent },
  { field: "toolErrorRate", label: "tool error rate target", show: formatPercent },
  { field: "latencyP95Ms", label: "p95 latency target", show: formatMs },
];

/** One readable line per changed target, as the changes page shows diffs ("~" marks a change). */
export function diffSloTargets(before: TSloTargets, after: TSloTargets): string[] {
  return LINES.filter(({ field }) => before[field] !== after[field]).map(
    ({ field, label, show }) => `~ ${label}: ${show(before[field])} → ${show(after[field])}`,
  );
}
