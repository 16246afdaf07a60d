import { describe, expect, it } from "vitest";
import { planWindow } from "./plan-window";

const iso = (d: Date) => d.toISOString();

describe("planWindow", () => {
  it("plans 24 h as the 24 UTC hours ending with the one that holds now", () => {
    const plan = planWindow("24h", new Date("2026-03-10T14:25:07.123Z"));
    expect(plan.granularity).toBe("hourly");
    expect(iso(plan.current.from)).toBe("2026-03-09T15:00:00.000Z");
    expect(iso(plan.current.to)).toBe("2026-03-10T15:00:00.000Z");
    expect(iso(plan.previous.from)).toBe("2026-03-08T15:00:00.000Z");
    expect(iso(plan.previous.to)).toBe("2026-03-09T15:00:00.000Z");
    expect(plan.bucketStarts).toHaveLength(24);
    expect(iso(plan.bucketStarts[0]!)).toBe("2026-03-09T15:00:00.000Z");
    expect(iso(plan.bucketStarts[23]!)).toBe("2026-03-10T14:00:00.000Z");
  });

  it("plans 7 d and 30 d as whole UTC days ending with today", () => {
    const now = new Date("2026-03-10T00:00:00.000Z");
    const week = planWindow("7d", now);
    expect(week.granularity).toBe("daily");
    expect([iso(week.current.from), iso(week.current.to)]).toEqual(["2026-03-04T00:00:00.000Z", "2026-03-11T00:00:00.000Z"]);
    expect([iso(week.previous.from), iso(week.previous.to)]).toEqual(["2026-02-25T00:00:00.000Z", "2026-03-04T00:00:00.000Z"]);
    const month = planWindow("30d", new Date("2026-03-10T23:59:59.999Z"));
    expect(month.bucketStarts).toHaveLength(30);
    expect(iso(month.current.from)).toBe("2026-02-09T00:00:00.000Z");
    expect(iso(month.bucketStarts.at(-1)!)).toBe("2026-03-10T00:00:00.000Z");
  });

  it("keeps the periods adjacent and of equal length", () => {
    for (const window of ["24h", "7d", "30d"] as const) {
      const plan = planWindow(window, new Date("2026-07-01T08:30:00Z"));
      expect(plan.previous.to.getTime()).toBe(plan.current.from.getTime());
      expect(plan.current.to.getTime() - plan.current.from.getTime()).toBe(plan.previous.to.getTime() - plan.previous.from.getTime());
      expect(plan.bucketStarts.length * plan.bucketMs).toBe(plan.current.to.getTime() - plan.current.from.getTime());
    }
  });
});
