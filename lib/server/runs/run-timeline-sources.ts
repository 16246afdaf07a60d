import "server-only";
import type { TTimelineEntry } from "@/lib/contracts/runs";
import type { TTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { DECISION_ROW_SELECT, recordedReasons, toDecisionRow } from "./decision-row-view";
import type { TPosition } from "./run-cursor";
import { CLOCK_SKEW_MS } from "./run-window";
import { compareEntries, continueAfter, isAfter, type TContinuation } from "./timeline-order";

// A run's approval requests are read whole (a run asks people a handful of times, not thousands).
export const MAX_RUN_APPROVALS = 200;

export type TTimelineRun = { id: string; startedAt: Date; lastEventAt: Date };
type TSourceOptions = { tx: TTx; workflowId: string; runId: string; run: TTimelineRun | null; after: TPosition | null; take: number };

function timeBound(step: TContinuation | null, floor: Date | null): Prisma.DateTimeFilter | undefined {
  if (!step) return floor ? { gte: floor } : undefined;
  return step.op === "after-id" ? { gte: step.at } : { [step.op]: step.at };
}
const sameInstantAfter = (step: TContinuation | null) => (step?.op === "after-id" ? step : null);

/** The run's reported events: the (run_id, occurred_at) index, from the run's first event on. */
export async function readEventEntries({ tx, run, after, take }: TSourceOptions): Promise<TTimelineEntry[]> {
  if (!run) return [];
  const step = after ? continueAfter(after, "e") : null;
  const past = sameInstantAfter(step);
  const rows = await tx.runEvent.findMany({
    where: {
      runId: run.id,
      occurredAt: timeBound(step, run.startedAt),
      ...(past ? { OR: [{ occurredAt: { gt: past.at } }, { id: { gt: past.id } }] } : {}),
    },
    select: {
      id: true,
      type: true,
      occurredAt: true,
      tool: true,
      model: true,
      outcome: true,
      latencyMs: true,
      decisionId: true,
      data: true,
      redactions: true,
    },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take,
  });
  return rows.map((row) => ({
    kind: "event",
    key: `e:${row.id}`,
    at: row.occurredAt.toISOString(),
    id: row.id,
    type: row.type,
    tool: row.tool,
    model: row.model,
    outcome: row.outcome,
    latencyMs: row.latencyMs,
    decisionId: row.decisionId,
    data: row.data,
    redactions: row.redactions,
  }));
}

/** The gate's decisions for the run id: the (workflow_id, run_id) index, bounded in time when the run is known. */
export async function readDecisionEntries({ tx, workflowId, runId, run, after, take }: TSourceOptions): Promise<TTimelineEntry[]> {
  const step = after ? continueAfter(after, "d") : null;
  const past = sameInstantAfter(step);
  const floor = run ? new Date(run.startedAt.getTime() - CLOCK_SKEW_MS) : null;
  const rows = await tx.decision.findMany({
    where: {
      AND: [
        { workflowId, runId },
        floor ? { decidedAt: { gte: floor } } : {},
        { decidedAt: timeBound(step, null) },
        past ? { OR: [{ decidedAt: { gt: past.at } }, { id: { gt: past.id } }] } : {},
      ],
    },
    select: DECISION_ROW_SELECT,
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
    take,
  });
  return rows.map((row) => ({ kind: "decision", key: `d:${row.id}`, at: row.decidedAt.toISOString(), decision: toDecisionRow(row) }));
}

/** Approval requests of the run, each as requested → votes → resolved; filtered to after the cursor here. */
export async function readApprovalEntries({ tx, workflowId, runId, run, after, take }: TSourceOptions): Promise<TTimelineEntry[]> {
  const rows = await tx.approvalRequest.findMany({
    where: { workflowId, runId, ...(run ? { createdAt: { gte: new Date(run.startedAt.getTime() - CLOCK_SKEW_MS) } } : {}) },
    select: {
      id: true,
      decisionId: true,
      tool: true,
      tier: true,
      approvalsRequired: true,
      status: true,
      createdAt: true,
      expiresAt: true,
      decidedAt: true,
      outcomeReason: true,
      reasons: true,
      arguments: true,
      votes: {
        select: {
          userId: true,
          vote: true,
          reason: true,
          breakGlass: true,
          incidentRef: true,
          createdAt: true,
          user: { select: { name: true, email: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_RUN_APPROVALS,
  });
  const entries = rows.flatMap((row): TTimelineEntry[] => [
    {
      kind: "approval_requested",
      key: `p:${row.id}:0`,
      at: row.createdAt.toISOString(),
      approvalId: row.id,
      decisionId: row.decisionId,
      tool: row.tool,
      tier: row.tier,
      approvalsRequired: row.approvalsRequired,
      status: row.status,
      expiresAt: row.expiresAt.toISOString(),
      reasons: recordedReasons(row.reasons),
      arguments: row.arguments,
    },
    ...row.votes.map((vote): TTimelineEntry => ({
      kind: "approval_vote",
      key: `p:${row.id}:1:${vote.userId}`,
      at: vote.createdAt.toISOString(),
      approvalId: row.id,
      voter: vote.user,
      vote: vote.vote,
      reason: vote.reason,
      breakGlass: vote.breakGlass,
      incidentRef: vote.incidentRef,
    })),
    ...(row.status !== "PENDING" && row.decidedAt
      ? [
          {
            kind: "approval_resolved" as const,
            key: `p:${row.id}:2`,
            at: row.decidedAt.toISOString(),
            approvalId: row.id,
            status: row.status,
            outcomeReason: row.outcomeReason,
          },
        ]
      : []),
  ]);
  return entries
    .filter((entry) => isAfter(entry, after))
    .sort(compareEntries)
    .slice(0, take);
}
