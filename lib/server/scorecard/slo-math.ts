import "server-only";
import type { z } from "zod";
import type { TRate, TSloTargets, ZBurnRateAlert, ZSlo } from "@/lib/contracts/scorecard";

type TBurnRateAlert = z.infer<typeof ZBurnRateAlert>;
type TObjective = z.infer<typeof ZSlo>["objectives"][number];

/** A rate with what it came from; no denominator means nothing was counted, so no value. */
export const rateOf = (numerator: number, denominator: number): TRate => ({
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
});

/** Ended runs and the failed ones among them, over one alert window. */
export type TRunCounts = { ended: number; failed: number };

/**
 * How fast the success-rate error budget burns: the error rate over what the SLO allows. 1 spends
 * exactly the budget by the end of the SLO window; null with no ended runs.
 */
export function burnRate(successTarget: number, counts: TRunCounts): number | null {
  if (counts.ended <= 0) return null;
  return counts.failed / counts.ended / (1 - successTarget);
}

/** Share of the window's error budget left: 1 untouched, 0 spent, below 0 overspent; null with no ended runs. */
export function errorBudgetRemaining(successTarget: number, counts: TRunCounts): number | null {
  const burn = burnRate(successTarget, counts);
  return burn === null ? null : 1 - burn;
}

/** Google SRE workbook, "Alerting on SLOs", multiwindow multi-burn-rate: page fast burns, ticket slow ones. */
export const BURN_RATE_WINDOWS = [
  { severity: "page", longWindow: "1h", shortWindow: "5m", threshold: 14.4 },
  { severity: "ticket", longWindow: "6h", shortWindow: "30m", threshold: 6 },
] as const;
export type TAlertWindow = "1h" | "5m" | "6h" | "30m";
export const ALERT_WINDOW_MS: Record<TAlertWindow, number> = { "5m": 300_000, "30m": 1_800_000, "1h": 3_600_000, "6h": 21_600_000 };

/** An alert fires only while both its windows burn past the threshold: the long one proves it matters, the short one that it is still happening. */
export function burnRateAlerts(successTarget: number, counts: Record<TAlertWindow, TRunCounts>): TBurnRateAlert[] {
  // 1 − 0.99 is not exactly 0.01 in floating point: a burn of exactly 6× must still reach 6.
  const reaches = (burn: number | null, threshold: number) => burn !== null && burn >= threshold - 1e-9;
  return BURN_RATE_WINDOWS.map((w) => {
    const longBurnRate = burnRate(successTarget, counts[w.longWindow]);
    const shortBurnRate = burnRate(successTarget, counts[w.shortWindow]);
    const firing = reaches(longBurnRate, w.threshold) && reaches(shortBurnRate, w.threshold);
    return { ...w, longBurnRate, shortBurnRate, firing };
  });
}

/** Each SLO target beside what the window measured; `met` is null when nothing was measured. */
export function sloObjectives(
  targets: TSloTargets,
  actual: { successRate: number | null; toolErrorRate: number | null; latencyP95Ms: number | null },
): TObjective[] {
  const atLeast = (value: number | null, target: number) => (value === null ? null : value >= target);
  const atMost = (value: number | null, target: number) => (value === null ? null : value <= target);
  return [
    {
      indicator: "success_rate",
      target: targets.successRate,
      actual: actual.successRate,
      met: atLeast(actual.successRate, targets.successRate),
    },
    {
      indicator: "tool_error_rate",
      target: targets.toolErrorRate,
      actual: actual.toolErrorRate,
      met: atMost(actual.toolErrorRate, targets.toolErrorRate),
    },
    {
      indicator: "latency_p95",
      target: targets.latencyP95Ms,
      actual: actual.latencyP95Ms,
      met: atMost(actual.latencyP95Ms, targets.latencyP95Ms),
    },
  ];
}
