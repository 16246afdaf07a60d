import "server-only";
import { DEFAULT_SLO_TARGETS, type TScorecard, type TScorecardWindow } from "@/lib/contracts/scorecard";
import type { TSessionUser } from "../authz/principal";
import { workflowReadWhere } from "../authz/workflow-scope";
import { db as defaultDb, type TTx } from "../db/client";
import { notFound } from "../errors";
import { listWorkflowHalts } from "../killswitch/list-workflow-halts";
import { evaluateControls } from "./evaluate-controls";
import { gradeWorkflow } from "./grade-workflow";
import { planWindow } from "./plan-window";
import { readApprovalStats } from "./read-approval-stats";
import { readBurnCounts } from "./read-burn-counts";
import { readControlInputs } from "./read-control-inputs";
import { readSloTargets } from "./read-slo-targets";
import { readWorkflowRollups } from "./read-workflow-rollups";
import { burnRateAlerts, errorBudgetRemaining, sloObjectives } from "./slo-math";
import { summarizePeriod, trendOf } from "./summarize-period";

/** Where a window's event and decision rows come from: the roll-ups. bench/scorecard.ts swaps in the raw tables, to show what the roll-ups save. */
export type TScorecardSource = { readWorkflowRows: typeof readWorkflowRollups };

/**
 * A workflow's scorecard over a window and the window before, from the roll-ups (hourly for 24 h,
 * daily for 7 d and 30 d). A workflow the user may not see is not found, and nothing about it is read.
 */
export async function getWorkflowScorecard(options: {
  db?: TTx;
  user: TSessionUser;
  workflowId: string;
  window: TScorecardWindow;
  now?: Date;
  source?: TScorecardSource;
}): Promise<TScorecard> {
  const { user, workflowId, window } = options;
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const workflow = await db.workflow.findFirst({
    where: { AND: [{ id: workflowId }, workflowReadWhere(user)] },
    select: { id: true, key: true, name: true, status: true, environment: true, maxTier: true },
  });
  if (!workflow) throw notFound("The workflow");

  const plan = planWindow(window, now);
  const [rollups, approvals, burn, slos, halts, controls] = await Promise.all([
    (options.source?.readWorkflowRows ?? readWorkflowRollups)({
      db,
      workflowId,
      granularity: plan.granularity,
      from: plan.previous.from,
      to: plan.current.to,
    }),
    readApprovalStats({ db, workflowId, current: plan.current, previous: plan.previous }),
    readBurnCounts({ db, workflowId, now }),
    readSloTargets({ db, workflowIds: [workflowId] }),
    listWorkflowHalts({ tx: db, user, workflowKey: workflow.key }),
    readControlInputs({ db, workflowIds: [workflowId], now }),
  ]);
  const inputs = controls.get(workflowId);
  if (!inputs) throw notFound("The workflow");

  const current = summarizePeriod({ period: plan.current, ...rollups, approvals: approvals.current });
  const previous = summarizePeriod({ period: plan.previous, ...rollups, approvals: approvals.previous });
  const coverage = evaluateControls(inputs);
  const { targets, defaults } = slos.get(workflowId) ?? { targets: DEFAULT_SLO_TARGETS, defaults: true };
  const ended = { ended: current.successRate.denominator, failed: current.successRate.denominator - current.successRate.numerator };
  const budget = errorBudgetRemaining(targets.successRate, ended);
  const top = [...current.denialsByReason].sort((a, b) => b.count - a.count)[0];
  return {
    workflow: {
      id: workflow.id,
      key: workflow.key,
      name: workflow.name,
      status: workflow.status,
      environment: workflow.environment,
      highestTier: workflow.maxTier,
      halted: halts.length > 0,
    },
    window,
    generatedAt: now.toISOString(),
    current,
    previous,
    trend: trendOf({ bucketStarts: plan.bucketStarts, ...rollups }),
    coverage,
    slo: {
      targets,
      defaults,
      objectives: sloObjectives(targets, {
        successRate: current.successRate.value,
        toolErrorRate: current.toolErrorRate.value,
        latencyP95Ms: current.latency.p95,
      }),
      errorBudgetRemaining: budget,
      burnRateAlerts: burnRateAlerts(targets.successRate, burn),
    },
    grade: gradeWorkflow({
      targets,
      successRate: current.successRate.value,
      errorBudgetRemaining: budget,
      toolErrorRate: current.toolErrorRate.value,
      latencyP95Ms: current.latency.p95,
      denialRate: current.denialRate.value,
      topDenialCategory: top && top.count > 0 ? top.category : null,
      overrideRate: current.overrideRate.value,
      coverage,
    }),
  };
}
