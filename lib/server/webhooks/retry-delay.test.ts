import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-delay";

describe("retryDelayMs", () => {
  it("grows with each failure, within ±20 % jitter, and levels off", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(10_000);
    expect([retryDelayMs(1, () => 0), retryDelayMs(1, () => 1)]).toEqual([8_000, 12_000]);
    const lows = [1, 2, 3, 4, 5].map((n) => retryDelayMs(n, () => 0));
    const highs = [1, 2, 3, 4, 5].map((n) => retryDelayMs(n, () => 1));
    for (let i = 1; i < lows.length; i++) expect(lows[i]).toBeGreaterThan(highs[i - 1] ?? Infinity);
    expect(retryDelayMs(20, () => 0.5)).toBe(retryDelayMs(7, () => 0.5));
  });
});
