import { describe, expect, it } from "vitest";
import { aPeriod } from "@/test/fixtures/scorecard-views";
import { headlineFigures } from "./headline-figures";

describe("headlineFigures", () => {
  const figures = headlineFigures(aPeriod(), aPeriod({ runs: 800, successRate: { numerator: 760, denominator: 800, value: 0.95 } }));
  const byId = (id: string) => figures.find((figure) => figure.id === id);

  it("shows every headline figure the scorecard promises", () => {
    expect(figures.map((f) => f.label)).toEqual([
      "Runs",
      "Success rate",
      "p50 latency",
      "p95 latency",
      "p99 latency",
      "Tool error rate",
      "Denial rate",
      "Approval rate",
      "Median time to approve",
      "Human override rate",
      "Rollbacks",
      "Errors",
      "DLP redactions",
    ]);
  });

  it("puts the previous period beside the current one, with the change in words and what the rate was computed from", () => {
    expect(byId("success")).toEqual({
      id: "success",
      label: "Success rate",
      value: "97.2%",
      detail: "972 of 1,000",
      previous: "95.0%",
      delta: { arrow: "▲", text: "up 2.2 pts from 95.0%", tone: "good" },
    });
    expect(byId("runs")?.delta).toEqual({ arrow: "▲", text: "up 200 from 800", tone: "neutral" });
    expect(byId("p95")?.detail).toBe("4,000 samples");
  });

  it("shows a dash and no change where a period counted nothing", () => {
    const empty = aPeriod({ toolErrorRate: { numerator: 0, denominator: 0, value: null } });
    const figure = headlineFigures(empty, aPeriod()).find((f) => f.id === "tool-errors");
    expect(figure).toMatchObject({ value: "—", detail: "none counted", delta: null });
  });
});
