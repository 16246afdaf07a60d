import "server-only";
import type { z } from "zod";
import type { TDenialCategory, TGradeExplanation, TSloTargets, ZGradeFactor } from "@/lib/contracts/scorecard";
import { CONTROL_FIXES, type TControlCheck } from "./evaluate-controls";
import { formatMs, formatPercent } from "./format-figures";

type TFactor = z.infer<typeof ZGradeFactor>;

/** What a grade is computed from; a null value was not measured in the window (no runs, no tool results…). */
export type TGradeInputs = {
  targets: TSloTargets;
  successRate: number | null;
  errorBudgetRemaining: number | null;
  toolErrorRate: number | null;
  latencyP95Ms: number | null;
  denialRate: number | null;
  /** The category most denials fall in, named in the advice. */
  topDenialCategory: TDenialCategory | null;
  overrideRate: number | null;
  coverage: readonly TControlCheck[];
};

// Points out of 100 while every factor is measured; an unmeasured factor's points go to the others.
const WEIGHTS = {
  success_rate: 20,
  error_budget: 10,
  tool_error_rate: 15,
  latency_p95: 10,
  denial_rate: 10,
  override_rate: 10,
  controls: 25,
} as const;
type TFactorName = keyof typeof WEIGHTS;

// Below these, a rate costs nothing; at the upper bound it scores 0.
const DENIALS_FINE = 0.05;
const DENIALS_BAD = 0.5;
const OVERRIDES_FINE = 0.02;
const OVERRIDES_BAD = 0.25;
const BUDGET_FINE = 0.5;

const DENIAL_NAMES: Record<TDenialCategory, string> = {
  kill_switch: "kill switches",
  workflow_state: "calls while it is not active",
  allowlist: "tools outside its allowlist",
  contract: "arguments breaking the tool contract",
  dlp: "undeclared sensitive data",
  model: "unapproved models",
  rate_limit: "rate limits",
  policy: "policies",
  approval: "approvals refused or missing",
};

const clamp = (x: number) => Math.min(1, Math.max(0, x));
const round2 = (x: number) => Math.round(x * 100) / 100;
/** 1 up to `fine`, falling linearly to 0 at `bad`. */
const falloff = (value: number, fine: number, bad: number) => (value <= fine ? 1 : clamp(1 - (value - fine) / (bad - fine)));

type TDraft = { factor: TFactorName; label: string; value: string; score: number | null; raise: string | null };
export type TGradeNumbers = Pick<TGradeInputs, Exclude<keyof TGradeInputs, "topDenialCategory" | "coverage">> & {
  passed: number;
  controls: number;
};

/** Each factor's score (0–1), or null when it was not measured: the numbers alone, shared by the explanation and scoreOf. */
function factorScores(inputs: TGradeNumbers): Record<TFactorName, number | null> {
  const { targets: t, successRate: success, errorBudgetRemaining: budget, toolErrorRate: toolErrors, latencyP95Ms: p95 } = inputs;
  return {
    // Errors at the budget cost nothing; ten times the budget costs everything.
    success_rate: success === null ? null : falloff((1 - success) / (1 - t.successRate), 1, 10),
    // Full marks while at least half the budget is left; nothing once it is spent.
    error_budget: budget === null ? null : clamp(budget / BUDGET_FINE),
    tool_error_rate: toolErrors === null ? null : falloff(toolErrors / t.toolErrorRate, 1, 5),
    latency_p95: p95 === null ? null : falloff(p95 / t.latencyP95Ms, 1, 4),
    denial_rate: inputs.denialRate === null ? null : falloff(inputs.denialRate, DENIALS_FINE, DENIALS_BAD),
    override_rate: inputs.overrideRate === null ? null : falloff(inputs.overrideRate, OVERRIDES_FINE, OVERRIDES_BAD),
    controls: inputs.controls ? inputs.passed / inputs.controls : 0,
  };
}

const numbersOf = (inputs: TGradeInputs): TGradeNumbers => ({
  ...inputs,
  passed: inputs.coverage.filter((c) => c.passed).length,
  controls: inputs.coverage.length,
});

function drafts(inputs: TGradeInputs): TDraft[] {
  const { targets: t } = inputs;
  const scores = factorScores(numbersOf(inputs));
  const success = inputs.successRate;
  const budget = inputs.errorBudgetRemaining;
  const toolErrors = inputs.toolErrorRate;
  const p95 = inputs.latencyP95Ms;
  const denials = inputs.denialRate;
  const overrides = inputs.overrideRate;
  const passed = inputs.coverage.filter((c) => c.passed).length;
  const failing = inputs.coverage.filter((c) => !c.passed).map((c) => CONTROL_FIXES[c.control]);
  const notMeasured = (what: string) => `Not measured: no ${what} in this window`;
  return [
    {
      factor: "success_rate",
      label: `Success rate against its ${formatPercent(t.successRate)} SLO`,
      value: success === null ? notMeasured("ended runs") : formatPercent(success),
      score: scores.success_rate,
      raise:
        success !== null && success < t.successRate
          ? `Raise the success rate to ${formatPercent(t.successRate)} (now ${formatPercent(success)})`
          : null,
    },
    {
      factor: "error_budget",
      label: "Error budget left",
      value:
        budget === null
          ? notMeasured("ended runs")
          : budget < 0
            ? `Overspent by ${formatPercent(-budget)}`
            : `${formatPercent(budget)} left`,
      score: scores.error_budget,
      raise: budget !== null && budget < BUDGET_FINE ? "Fix what makes runs fail before they spend the rest of the error budget" : null,
    },
    {
      factor: "tool_error_rate",
      label: `Tool error rate against its ${formatPercent(t.toolErrorRate)} SLO`,
      value: toolErrors === null ? notMeasured("tool results") : formatPercent(toolErrors),
      score: scores.tool_error_rate,
      raise: toolErrors !== null && toolErrors > t.toolErrorRate ? `Bring tool errors below ${formatPercent(t.toolErrorRate)}` : null,
    },
    {
      factor: "latency_p95",
      label: `p95 latency against its ${formatMs(t.latencyP95Ms)} SLO`,
      value: p95 === null ? notMeasured("timed tool results or model calls") : formatMs(p95),
      score: scores.latency_p95,
      raise: p95 !== null && p95 > t.latencyP95Ms ? `Bring p95 latency under ${formatMs(t.latencyP95Ms)}` : null,
    },
    {
      factor: "denial_rate",
      label: "Denied calls",
      value: denials === null ? notMeasured("decisions") : formatPercent(denials),
      score: scores.denial_rate,
      raise:
        denials !== null && denials > DENIALS_FINE
          ? `Cut denials below ${formatPercent(DENIALS_FINE)}${inputs.topDenialCategory ? `: most are for ${DENIAL_NAMES[inputs.topDenialCategory]}` : ""}`
          : null,
    },
    {
      factor: "override_rate",
      label: "Human overrides per run",
      value: overrides === null ? notMeasured("runs") : formatPercent(overrides),
      score: scores.override_rate,
      raise: overrides !== null && overrides > OVERRIDES_FINE ? `Cut human overrides below ${formatPercent(OVERRIDES_FINE)} of runs` : null,
    },
    {
      factor: "controls",
      label: "Control coverage",
      value: `${passed} of ${inputs.coverage.length} controls`,
      score: scores.controls,
      raise: failing.length ? failing.slice(0, 2).join("; ") : null,
    },
  ];
}

const pointsMemo = new Map<string, Map<TFactorName, number>>();

/** Splits 100 points over the measured factors in proportion to their weights, in whole points (largest remainder). */
function pointsFor(names: readonly TFactorName[]): Map<TFactorName, number> {
  const key = names.join();
  const known = pointsMemo.get(key);
  if (known) return known;
  const points = splitPoints(names);
  pointsMemo.set(key, points);
  return points;
}

function splitPoints(names: readonly TFactorName[]): Map<TFactorName, number> {
  const total = names.reduce((sum, n) => sum + WEIGHTS[n], 0);
  const exact = names.map((n) => ({ n, x: (WEIGHTS[n] * 100) / total }));
  const points = new Map(exact.map(({ n, x }) => [n, Math.floor(x)]));
  let left = 100 - [...points.values()].reduce((a, b) => a + b, 0);
  for (const { n } of [...exact].sort((a, b) => (b.x % 1) - (a.x % 1))) {
    if (left-- <= 0) break;
    points.set(n, (points.get(n) ?? 0) + 1);
  }
  return points;
}

/** The score gradeWorkflow gives, without building its explanation: for ranking many workflows (see the dashboard). */
export function scoreOf(inputs: TGradeNumbers): number {
  const scores = factorScores(inputs);
  const names = (Object.keys(scores) as TFactorName[]).filter((n) => scores[n] !== null);
  const points = pointsFor(names);
  return round2(names.reduce((sum, n) => sum + (points.get(n) ?? 0) * round2(scores[n] ?? 0), 0));
}

export function letterOf(score: number): TGradeExplanation["grade"] {
  return score >= 90 ? "A" : score >= 80 ? "B" : score >= 70 ? "C" : score >= 60 ? "D" : "F";
}

/**
 * A–F from weighted factors, each shown with its value, score (0–1), weight (points) and what would
 * raise it; the score is exactly Σ weight × score. With no traffic only the controls are graded,
 * and a zero-weight "traffic" line says so.
 */
export function gradeWorkflow(inputs: TGradeInputs): TGradeExplanation {
  const all = drafts(inputs);
  const points = pointsFor(all.filter((d) => d.score !== null).map((d) => d.factor));
  const factors: TFactor[] = all.map((d) => ({
    factor: d.factor,
    label: d.label,
    value: d.value,
    score: round2(d.score ?? 0),
    weight: points.get(d.factor) ?? 0,
    raise: d.score === null ? null : d.raise,
  }));
  if (all.every((d) => d.factor === "controls" || d.score === null)) {
    factors.push({
      factor: "traffic",
      label: "Run-time traffic",
      value: "No runs, tool results or decisions in this window: graded on controls only",
      score: 0,
      weight: 0,
      raise: "Send decisions and run events through the gate to be graded on how it runs",
    });
  }
  const score = round2(factors.reduce((sum, f) => sum + f.weight * f.score, 0));
  return { grade: letterOf(score), score, factors };
}

/** What costs the most points: weight × (1 − score), highest first; factors that cost nothing are left out. */
export function costliestFactors(explanation: TGradeExplanation, count: number): TFactor[] {
  return explanation.factors
    .map((f) => ({ f, cost: f.weight * (1 - f.score) }))
    .filter(({ cost }) => cost > 0)
    .sort((a, b) => b.cost - a.cost)
    .slice(0, count)
    .map(({ f }) => f);
}
