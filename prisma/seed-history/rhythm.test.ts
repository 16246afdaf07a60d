import { describe, expect, it } from "vitest";
import { activityAt, type TRhythm } from "./rhythm";

const HOUR = 3_600_000;
// Monday 2026-11-02 00:00 UTC.
const MONDAY = Date.UTC(2026, 10, 2);

const week = (rhythm: TRhythm) => Array.from({ length: 7 * 24 }, (_, h) => activityAt(rhythm, MONDAY + h * HOUR));

describe("activityAt", () => {
  it.each<TRhythm>(["business-hours", "nightly-batch", "around-the-clock", "weekly-run"])(
    "averages about 1 over a week for %s, so runsPerDay means what it says",
    (rhythm) => {
      const hours = week(rhythm);
      expect(hours.reduce((sum, a) => sum + a, 0) / hours.length).toBeCloseTo(1, 1);
    },
  );

  it("keeps people's agents busy on weekday mornings, quiet at night and on weekends", () => {
    const at = (day: number, hour: number) => activityAt("business-hours", MONDAY + (day * 24 + hour) * HOUR);
    expect(at(1, 10)).toBeGreaterThan(5 * at(1, 3));
    expect(at(1, 10)).toBeGreaterThan(3 * at(5, 10));
  });

  it("runs the payment run on Thursday afternoon only", () => {
    const busy = week("weekly-run").flatMap((a, h) => (a > 0 ? [h] : []));
    expect(busy).toEqual([3 * 24 + 14]);
  });
});
