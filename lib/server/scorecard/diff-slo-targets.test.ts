import { describe, expect, it } from "vitest";
import { DEFAULT_SLO_TARGETS } from "@/lib/contracts/scorecard";
import { diffSloTargets } from "./diff-slo-targets";

describe("diffSloTargets", () => {
  it("writes one line per changed target, and none for unchanged ones", () => {
    expect(diffSloTargets(DEFAULT_SLO_TARGETS, { successRate: 0.995, toolErrorRate: 0.02, latencyP95Ms: 800 })).toEqual([
      "~ success rate target: 99% → 99.5%",
      "~ p95 latency target: 5 s → 800 ms",
    ]);
    expect(diffSloTargets(DEFAULT_SLO_TARGETS, { ...DEFAULT_SLO_TARGETS })).toEqual([]);
  });
});
