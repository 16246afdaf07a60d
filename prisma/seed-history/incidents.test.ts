import { describe, expect, it } from "vitest";
import { effectsAt, planIncidents } from "./incidents";
import { createRandom } from "./random";

const DAY = 86_400_000;
const END = Date.UTC(2026, 11, 8, 9, 30);

describe("planIncidents", () => {
  it.each([30, 12, 7, 2])("fits every incident and kill switch into a %i-day window, the backfill before the last halt", (days) => {
    for (let seed = 1; seed <= 20; seed++) {
      const from = END - days * DAY;
      const plan = planIncidents(createRandom(seed), { from, to: END });
      for (const incident of plan.incidents) {
        expect(incident.from).toBeGreaterThanOrEqual(from);
        expect(incident.from).toBeLessThan(incident.to);
      }
      const stuck = plan.killSwitches.filter((k) => k.release === null);
      expect(stuck).toHaveLength(1);
      for (const k of plan.killSwitches) {
        expect(k.engageAt).toBeGreaterThanOrEqual(from);
        if (k.release) expect(k.release.requestedBy).not.toBe(k.release.confirmedBy);
      }
      const backfill = plan.incidents.find((i) => i.kind === "bulk-backfill");
      if (days >= 7) expect(backfill?.from).toBeLessThan(stuck[0]?.engageAt ?? 0);
    }
  });

  it("says what is going wrong at a moment", () => {
    const plan = planIncidents(createRandom(3), { from: END - 30 * DAY, to: END });
    const outage = plan.incidents.find((i) => i.kind === "provider-outage");
    if (!outage) throw new Error("no outage planned");
    expect(effectsAt(plan, outage.from).providerDown("openai/gpt-4.1/2025-04-14")).toBe(true);
    expect(effectsAt(plan, outage.from).providerDown("anthropic/claude-sonnet-4-5/2025-09-29")).toBe(false);
    expect(effectsAt(plan, outage.to).providerDown("openai/gpt-4.1/2025-04-14")).toBe(false);
  });
});
