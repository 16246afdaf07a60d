import { describe, expect, it } from "vitest";
import { budgetText, deltaOf, formatMs, formatPercent, formatRate, pointsLost } from "./scorecard-format";

describe("formatting", () => {
  it("shows a dash, never a made-up zero, for a figure nothing was counted for", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatRate({ numerator: 0, denominator: 0, value: null })).toBe("— (none counted)");
    expect(formatMs(null)).toBe("—");
  });

  it("says what a rate was computed from", () => {
    expect(formatRate({ numerator: 972, denominator: 1000, value: 0.972 })).toBe("97.2% (972 of 1,000)");
  });

  it("puts milliseconds in the unit read fastest", () => {
    expect(formatMs(240)).toBe("240 ms");
    expect(formatMs(1_500)).toBe("1.5 s");
    expect(formatMs(90_000)).toBe("1.5 min");
    expect(formatMs(5_400_000)).toBe("1.5 h");
  });
});

describe("deltaOf", () => {
  it("calls a rise good when higher is better, in words and percentage points", () => {
    expect(deltaOf({ current: 0.98, previous: 0.95, kind: "rate", better: "higher" })).toEqual({
      arrow: "▲",
      text: "up 3.0 pts from 95.0%",
      tone: "good",
    });
  });

  it("calls a rise bad when lower is better", () => {
    expect(deltaOf({ current: 900, previous: 400, kind: "ms", better: "lower" })).toEqual({
      arrow: "▲",
      text: "up 500 ms from 400 ms",
      tone: "bad",
    });
    expect(deltaOf({ current: 3, previous: 10, kind: "count", better: "lower" })?.tone).toBe("good");
  });

  it("keeps a neutral tone for figures that are neither better nor worse, and says 'same' below what is shown", () => {
    expect(deltaOf({ current: 120, previous: 100, kind: "count", better: "neither" })?.tone).toBe("neutral");
    expect(deltaOf({ current: 0.9501, previous: 0.95, kind: "rate", better: "higher" })).toEqual({
      arrow: "=",
      text: "same as the previous period (95.0%)",
      tone: "neutral",
    });
  });

  it("has nothing to say when either period has no figure", () => {
    expect(deltaOf({ current: null, previous: 0.9, kind: "rate", better: "higher" })).toBeNull();
    expect(deltaOf({ current: 0.9, previous: null, kind: "rate", better: "higher" })).toBeNull();
  });
});

describe("grade and budget helpers", () => {
  it("counts the points a factor lost out of 100, whatever the weights sum to", () => {
    expect(pointsLost({ score: 0.5, weight: 0.2 }, 1)).toBeCloseTo(10);
    expect(pointsLost({ score: 0.5, weight: 2 }, 10)).toBeCloseTo(10);
    expect(pointsLost({ score: 1, weight: 0.3 }, 1)).toBe(0);
  });

  it("says what is left of the error budget, and when it is overspent", () => {
    expect(budgetText(0.62)).toBe("62% of the error budget left.");
    expect(budgetText(-0.2)).toBe("Overspent: 20% more failures than the SLO allows.");
    expect(budgetText(null)).toBe("No runs in this period, so no budget was spent.");
  });
});
