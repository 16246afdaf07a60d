import "server-only";
import type { TApprovalState } from "@/lib/contracts/approvals";
import type { Prisma } from "../db/generated/client";

export const APPROVAL_STATE_SELECT = {
  id: true,
  status: true,
  runId: true,
  tool: true,
  tier: true,
  approvalsRequired: true,
  argumentsHash: true,
  createdAt: true,
  expiresAt: true,
  escalatedAt: true,
  decidedAt: true,
  outcomeReason: true,
  breakGlass: true,
  consumedAt: true,
  workflow: { select: { key: true } },
  _count: { select: { votes: { where: { vote: "APPROVE" } } } },
} satisfies Prisma.ApprovalRequestSelect;

type TStateRow = Prisma.ApprovalRequestGetPayload<{ select: typeof APPROVAL_STATE_SELECT }>;

/** Why a request nobody decided in time is closed: written by the sweeper, read before it runs. */
export const EXPIRY_REASON = "Nobody decided before the deadline; an expired request counts as denied";

/** Pending past its deadline is expired, whether or not the sweeper has written it yet. */
export const isPastDeadline = (row: { status: string; expiresAt: Date }, now: Date) => row.status === "PENDING" && row.expiresAt <= now;

export function toApprovalState(row: TStateRow, now: Date): TApprovalState {
  const expired = isPastDeadline(row, now);
  return {
    id: row.id,
    status: expired ? "EXPIRED" : row.status,
    workflowKey: row.workflow.key,
    runId: row.runId,
    tool: row.tool,
    tier: row.tier,
    approvalsRequired: row.approvalsRequired,
    approvals: row._count.votes,
    argumentsHash: row.argumentsHash,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    decidedAt: expired ? row.expiresAt.toISOString() : (row.decidedAt?.toISOString() ?? null),
    outcomeReason: expired ? EXPIRY_REASON : row.outcomeReason,
    breakGlass: row.breakGlass,
    consumed: row.consumedAt !== null,
  };
}
