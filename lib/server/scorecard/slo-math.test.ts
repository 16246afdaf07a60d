import { describe, expect, it } from "vitest";
import { DEFAULT_SLO_TARGETS } from "@/lib/contracts/scorecard";
import { burnRate, burnRateAlerts, errorBudgetRemaining, rateOf, sloObjectives } from "./slo-math";

const none = { ended: 0, failed: 0 };

describe("error budget and burn rate", () => {
  it("burns 1× when failures run exactly at the budget", () => {
    expect(burnRate(0.99, { ended: 1000, failed: 10 })).toBeCloseTo(1, 10);
    expect(errorBudgetRemaining(0.99, { ended: 1000, failed: 10 })).toBeCloseTo(0, 10);
    expect(errorBudgetRemaining(0.99, { ended: 1000, failed: 2 })).toBeCloseTo(0.8, 10);
    expect(errorBudgetRemaining(0.99, { ended: 1000, failed: 30 })).toBeCloseTo(-2, 10);
  });

  it("says nothing, rather than 0, when no run ended", () => {
    expect(burnRate(0.99, none)).toBeNull();
    expect(errorBudgetRemaining(0.99, none)).toBeNull();
    expect(rateOf(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(rateOf(1, 4)).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
  });

  it("pages only when both the 1 h and the 5 min window burn at 14.4× or more", () => {
    // 99% target: 14.4× is an error rate of 14.4%.
    const fast = { ended: 1000, failed: 150 };
    const calm = { ended: 1000, failed: 100 };
    const page = (c: Record<"1h" | "5m" | "6h" | "30m", { ended: number; failed: number }>) => burnRateAlerts(0.99, c)[0]!;
    expect(page({ "1h": fast, "5m": fast, "6h": calm, "30m": calm })).toMatchObject({ severity: "page", firing: true, threshold: 14.4 });
    // The short window has recovered: the burn is over, so no page.
    expect(page({ "1h": fast, "5m": calm, "6h": calm, "30m": calm }).firing).toBe(false);
    // A short spike the long window does not confirm.
    expect(page({ "1h": calm, "5m": fast, "6h": calm, "30m": calm }).firing).toBe(false);
    expect(page({ "1h": fast, "5m": none, "6h": calm, "30m": calm })).toMatchObject({ firing: false, shortBurnRate: null });
  });

  it("opens a ticket when the 6 h and 30 min windows burn at 6× or more", () => {
    const slow = { ended: 500, failed: 30 };
    const [page, ticket] = burnRateAlerts(0.99, { "1h": slow, "5m": slow, "6h": slow, "30m": slow });
    expect(page).toMatchObject({ firing: false, longWindow: "1h", shortWindow: "5m" });
    expect(ticket).toMatchObject({ severity: "ticket", firing: true, longWindow: "6h", shortWindow: "30m", threshold: 6 });
    expect(ticket!.longBurnRate).toBeCloseTo(6, 10);
  });
});

describe("sloObjectives", () => {
  it("compares each indicator in its own direction", () => {
    const objectives = sloObjectives(DEFAULT_SLO_TARGETS, { successRate: 0.995, toolErrorRate: 0.03, latencyP95Ms: null });
    expect(objectives).toEqual([
      { indicator: "success_rate", target: 0.99, actual: 0.995, met: true },
      { indicator: "tool_error_rate", target: 0.02, actual: 0.03, met: false },
      { indicator: "latency_p95", target: 5000, actual: null, met: null },
    ]);
  });
});
