import { describe, expect, it } from "vitest";
import { CONTROLS, DEFAULT_SLO_TARGETS } from "@/lib/contracts/scorecard";
import { CONTROL_LABELS, type TControlCheck } from "./evaluate-controls";
import { costliestFactors, gradeWorkflow, letterOf, scoreOf, type TGradeInputs } from "./grade-workflow";

const coverage = (failing: readonly string[] = []): TControlCheck[] =>
  CONTROLS.map((control) => ({ control, label: CONTROL_LABELS[control], passed: !failing.includes(control), detail: "" }));

const perfect: TGradeInputs = {
  targets: DEFAULT_SLO_TARGETS,
  successRate: 0.999,
  errorBudgetRemaining: 0.9,
  toolErrorRate: 0.005,
  latencyP95Ms: 800,
  denialRate: 0.01,
  topDenialCategory: "policy",
  overrideRate: 0,
  coverage: coverage(),
};

const sumOf = (g: ReturnType<typeof gradeWorkflow>) => g.factors.reduce((s, f) => s + f.weight * f.score, 0);
const factor = (g: ReturnType<typeof gradeWorkflow>, name: string) => g.factors.find((f) => f.factor === name)!;

describe("gradeWorkflow", () => {
  it("explains itself: the weights make 100 and the score is Σ weight × score", () => {
    const cases: TGradeInputs[] = [
      perfect,
      {
        ...perfect,
        successRate: 0.95,
        errorBudgetRemaining: -4,
        toolErrorRate: 0.05,
        coverage: coverage(["runbook_present", "kill_switch_drilled"]),
      },
      { ...perfect, latencyP95Ms: 12_000, denialRate: 0.3, overrideRate: 0.1 },
      { ...perfect, successRate: null, errorBudgetRemaining: null, overrideRate: null },
      {
        ...perfect,
        successRate: null,
        errorBudgetRemaining: null,
        toolErrorRate: null,
        latencyP95Ms: null,
        denialRate: null,
        overrideRate: null,
      },
    ];
    for (const inputs of cases) {
      const g = gradeWorkflow(inputs);
      expect(g.factors.reduce((s, f) => s + f.weight, 0)).toBe(100);
      expect(Math.abs(sumOf(g) - g.score)).toBeLessThan(0.005);
      expect(g.grade).toBe(letterOf(g.score));
      for (const f of g.factors) {
        expect(f.score).toBeGreaterThanOrEqual(0);
        expect(f.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it("gives a well-run, well-kept workflow an A with nothing to raise but the drill", () => {
    const g = gradeWorkflow({ ...perfect, coverage: coverage(["kill_switch_drilled"]) });
    expect(g.grade).toBe("A");
    expect(g.factors.filter((f) => f.raise).map((f) => f.raise)).toEqual(["Drill its kill switch"]);
    expect(factor(g, "controls").value).toBe("7 of 8 controls");
  });

  it("says what would raise each weak factor, with the figures that matter", () => {
    const g = gradeWorkflow({
      ...perfect,
      successRate: 0.972,
      toolErrorRate: 0.031,
      latencyP95Ms: 7_500,
      denialRate: 0.2,
      topDenialCategory: "dlp",
      overrideRate: 0.05,
    });
    expect(factor(g, "success_rate")).toMatchObject({ value: "97.2%", raise: "Raise the success rate to 99% (now 97.2%)" });
    expect(factor(g, "tool_error_rate")).toMatchObject({ value: "3.1%", raise: "Bring tool errors below 2%" });
    expect(factor(g, "latency_p95")).toMatchObject({ value: "7.5 s", raise: "Bring p95 latency under 5 s" });
    expect(factor(g, "denial_rate").raise).toBe("Cut denials below 5%: most are for undeclared sensitive data");
    expect(factor(g, "override_rate").raise).toBe("Cut human overrides below 2% of runs");
    // 2.8% failures is 2.8× the 1% budget: 1 − (2.8 − 1) / 9 = 0.8.
    expect(factor(g, "success_rate").score).toBe(0.8);
    expect(factor(g, "denial_rate").score).toBe(0.67);
  });

  it("grades a workflow with no traffic on its controls alone, and says so", () => {
    const quiet = {
      ...perfect,
      successRate: null,
      errorBudgetRemaining: null,
      toolErrorRate: null,
      latencyP95Ms: null,
      denialRate: null,
      overrideRate: null,
    };
    const g = gradeWorkflow({ ...quiet, coverage: coverage(["runbook_present", "kill_switch_drilled"]) });
    expect(factor(g, "controls")).toMatchObject({ weight: 100, score: 0.75 });
    expect(g).toMatchObject({ score: 75, grade: "C" });
    expect(factor(g, "traffic")).toMatchObject({ weight: 0, value: expect.stringMatching(/graded on controls only/) });
    expect(factor(g, "success_rate")).toMatchObject({ weight: 0, value: "Not measured: no ended runs in this window", raise: null });
    expect(factor(g, "controls").raise).toBe("Write a runbook: what to do when it is halted; Drill its kill switch");
  });

  it("hands an unmeasured factor's points to the measured ones", () => {
    const g = gradeWorkflow({ ...perfect, latencyP95Ms: null });
    expect(factor(g, "latency_p95").weight).toBe(0);
    expect(factor(g, "controls").weight).toBeGreaterThan(25);
    expect(g.factors.some((f) => f.factor === "traffic")).toBe(false);
  });

  it("grades on the letter boundaries", () => {
    expect([90, 89.99, 80, 70, 60, 59.99].map(letterOf)).toEqual(["A", "B", "B", "C", "D", "F"]);
  });
});

describe("scoreOf", () => {
  it("gives exactly the score of the full explanation (randomized)", () => {
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const maybe = (x: number) => (random() < 0.2 ? null : x);
    for (let i = 0; i < 2_000; i++) {
      const inputs: TGradeInputs = {
        ...perfect,
        successRate: maybe(0.8 + random() * 0.2),
        errorBudgetRemaining: maybe(2 - random() * 12),
        toolErrorRate: maybe(random() * 0.15),
        latencyP95Ms: maybe(random() * 30_000),
        denialRate: maybe(random() * 0.7),
        overrideRate: maybe(random() * 0.4),
        coverage: coverage(CONTROLS.filter(() => random() < 0.3)),
      };
      const passed = inputs.coverage.filter((c) => c.passed).length;
      expect(scoreOf({ ...inputs, passed, controls: inputs.coverage.length })).toBe(gradeWorkflow(inputs).score);
    }
  });
});

describe("costliestFactors", () => {
  it("names the factors that cost the most points, and none that cost nothing", () => {
    const g = gradeWorkflow({ ...perfect, successRate: 0.9, errorBudgetRemaining: -9, coverage: coverage(["kill_switch_drilled"]) });
    expect(costliestFactors(g, 2).map((f) => f.factor)).toEqual(["success_rate", "error_budget"]);
    expect(costliestFactors(gradeWorkflow({ ...perfect }), 2)).toEqual([]);
  });
});
