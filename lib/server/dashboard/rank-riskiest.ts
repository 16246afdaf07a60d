import "server-only";
import type { TDashboard } from "@/lib/contracts/dashboard";
import { DEFAULT_SLO_TARGETS, type TDenialCategory } from "@/lib/contracts/scorecard";
import { percentileFromHistogram } from "../rollups/latency-histogram";
import { evaluateControls, type TControlCheck, type TControlInputs } from "../scorecard/evaluate-controls";
import { costliestFactors, gradeWorkflow, scoreOf, type TGradeInputs } from "../scorecard/grade-workflow";
import type { TWorkflowSlo } from "../scorecard/read-slo-targets";
import { errorBudgetRemaining, rateOf } from "../scorecard/slo-math";
import type { TWorkflowFigures } from "./read-fleet-rollups";

const NOTHING: TWorkflowFigures = {
  runs: 0,
  ended: 0,
  succeeded: 0,
  toolResults: 0,
  toolFailures: 0,
  overrides: 0,
  timed: false,
  decisions: 0,
  allowed: 0,
  denied: 0,
};

type TWorkflow = { id: string; key: string; name: string };
type TInputs = {
  workflows: readonly TWorkflow[];
  figures: ReadonlyMap<string, TWorkflowFigures>;
  slos: ReadonlyMap<string, TWorkflowSlo>;
  controls: ReadonlyMap<string, TControlInputs>;
  limit: number;
};

// A workflow's controls are checked once, however many times it is graded.
const coverageOf = new WeakMap<TControlInputs, TControlCheck[]>();
function checked(inputs: TControlInputs): TControlCheck[] {
  const found = coverageOf.get(inputs);
  if (found) return found;
  const checks = evaluateControls(inputs);
  coverageOf.set(inputs, checks);
  return checks;
}

/** What the workflow's scorecard grades, from its window figures and its p95 latency (null: not timed). */
function gradeInputs(
  inputs: TInputs,
  w: TWorkflow,
  latencyP95Ms: number | null,
  topDenialCategory: TDenialCategory | null,
): TGradeInputs | null {
  const controls = inputs.controls.get(w.id);
  if (!controls) return null;
  const f = inputs.figures.get(w.id) ?? NOTHING;
  const targets = inputs.slos.get(w.id)?.targets ?? DEFAULT_SLO_TARGETS;
  return {
    targets,
    successRate: rateOf(f.succeeded, f.ended).value,
    errorBudgetRemaining: errorBudgetRemaining(targets.successRate, { ended: f.ended, failed: f.ended - f.succeeded }),
    toolErrorRate: rateOf(f.toolFailures, f.toolResults).value,
    latencyP95Ms,
    denialRate: rateOf(f.denied, f.decisions).value,
    topDenialCategory,
    overrideRate: rateOf(f.overrides, f.runs).value,
    coverage: checked(controls),
  };
}

/** The score alone (no explanation built): thousands of these per dashboard. */
function quickScore(inputs: TInputs, w: TWorkflow, latencyP95Ms: number | null): number {
  const grade = gradeInputs(inputs, w, latencyP95Ms, null);
  if (!grade) return Number.NaN;
  return scoreOf({ ...grade, passed: grade.coverage.filter((c) => c.passed).length, controls: grade.coverage.length });
}

/**
 * The workflows whose latency can decide whether they are among the riskiest. Each is graded with
 * its latency at best (0 ms), at worst (∞) and unmeasured: its true score lies between the lowest
 * and highest of these. Whoever's lowest possible score is above the `limit`-th lowest highest
 * score cannot be among the riskiest, so only the others' histograms are read.
 */
export function latencyCandidates(inputs: TInputs): string[] {
  const bounds = inputs.workflows.flatMap((w) => {
    if (!inputs.figures.get(w.id)?.timed) return [];
    const scores = [0, Number.POSITIVE_INFINITY, null].map((p95) => quickScore(inputs, w, p95));
    return [{ id: w.id, lower: Math.min(...scores), upper: Math.max(...scores) }];
  });
  const exact = inputs.workflows.filter((w) => !inputs.figures.get(w.id)?.timed).map((w) => quickScore(inputs, w, null));
  const highest = [...exact, ...bounds.map((b) => b.upper)].sort((a, b) => a - b);
  const threshold = highest[inputs.limit - 1] ?? Number.POSITIVE_INFINITY;
  return bounds.filter((b) => b.lower <= threshold).map((b) => b.id);
}

/**
 * Grades workflows as their scorecards do (same factors, weights and controls), lowest first,
 * keeping the `limit` riskiest with the two factors that cost each the most. A timed workflow
 * without its histogram in `hists` is left out: latencyCandidates showed it cannot make the list.
 * The top denial category only words the advice, so it may be known for the riskiest alone.
 */
export function rankRiskiest(
  inputs: TInputs & { hists: ReadonlyMap<string, readonly number[]>; topDenials?: ReadonlyMap<string, TDenialCategory> },
): TDashboard["riskiest"] {
  const scored = inputs.workflows.flatMap((w) => {
    const hist = inputs.hists.get(w.id);
    if (inputs.figures.get(w.id)?.timed && !hist) return [];
    const p95 = hist ? percentileFromHistogram(hist, 0.95) : null;
    return [{ workflow: w, p95, score: quickScore(inputs, w, p95) }];
  });
  // Only the riskiest get their explanation written out.
  return scored
    .filter(({ score }) => !Number.isNaN(score))
    .sort((a, b) => a.score - b.score || a.workflow.key.localeCompare(b.workflow.key))
    .slice(0, inputs.limit)
    .flatMap(({ workflow, p95 }) => {
      const grade = gradeInputs(inputs, workflow, p95, inputs.topDenials?.get(workflow.id) ?? null);
      if (!grade) return [];
      const explanation = gradeWorkflow(grade);
      return [
        {
          workflowId: workflow.id,
          key: workflow.key,
          name: workflow.name,
          grade: explanation.grade,
          score: explanation.score,
          why: costliestFactors(explanation, 2),
        },
      ];
    });
}
