import { describe, expect, it } from "vitest";
import { ZSloTargets } from "@/lib/contracts/scorecard";
import { parseSloDraft, sloDraftOf } from "./slo-draft";

describe("the SLO form's draft", () => {
  it("shows targets in percent and milliseconds, and reads them back unchanged", () => {
    const targets = { successRate: 0.999, toolErrorRate: 0.005, latencyP95Ms: 2500 };
    const draft = sloDraftOf(targets);
    expect(draft).toEqual({ successRate: "99.9", toolErrorRate: "0.5", latencyP95Ms: "2500" });
    expect(parseSloDraft(draft)).toEqual({ targets });
  });

  it("sends only what the contract accepts", () => {
    const parsed = parseSloDraft({ successRate: "99.99", toolErrorRate: "0.01", latencyP95Ms: "3600000" });
    expect("targets" in parsed && ZSloTargets.safeParse(parsed.targets).success).toBe(true);
  });

  it("names each field that is out of range or not a number, in the form's units", () => {
    expect(parseSloDraft({ successRate: "40", toolErrorRate: "abc", latencyP95Ms: "1.5" })).toEqual({
      errors: {
        successRate: "Use a percentage from 50 to 99.99",
        toolErrorRate: "Use a percentage from 0.01 to 50",
        latencyP95Ms: "Use whole milliseconds from 1 to 3,600,000 (one hour)",
      },
    });
    expect(parseSloDraft({ successRate: "", toolErrorRate: "2", latencyP95Ms: "5000" })).toEqual({
      errors: { successRate: "Use a percentage from 50 to 99.99" },
    });
  });
});
