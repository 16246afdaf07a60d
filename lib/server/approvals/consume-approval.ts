import "server-only";
import type { TTx } from "../db/client";
import { isPastDeadline } from "./approval-state-view";

export type TConsumeApprovalResult =
  | { ok: true }
  | {
      ok: false;
      code:
        | "approval_not_found"
        | "approval_pending"
        | "approval_arguments_mismatch"
        | "approval_denied"
        | "approval_expired"
        | "approval_already_used";
      message: string;
    };

/**
 * Spends an approval on the call it was granted for: one conditional UPDATE, so two calls racing
 * with the same approval cannot both pass. When it does not apply, the row says exactly why.
 */
export async function consumeApproval(
  tx: TTx,
  options: { id: string; workflowId: string; tool: string; argumentsHash: string; now?: Date },
): Promise<TConsumeApprovalResult> {
  const { id, workflowId, tool, argumentsHash } = options;
  const now = options.now ?? new Date();
  const spent = await tx.approvalRequest.updateMany({
    where: { id, workflowId, tool, argumentsHash, status: "APPROVED", consumedAt: null },
    data: { consumedAt: now },
  });
  if (spent.count === 1) return { ok: true };

  const row = await tx.approvalRequest.findFirst({
    where: { id, workflowId },
    select: {
      tool: true,
      argumentsHash: true,
      status: true,
      expiresAt: true,
      approvalsRequired: true,
      outcomeReason: true,
      consumedAt: true,
      _count: { select: { votes: { where: { vote: "APPROVE" } } } },
    },
  });
  const askAgain = "decide again without approvalId to open a new request";
  if (!row) return { ok: false, code: "approval_not_found", message: `No approval request ${id} exists for this workflow; ${askAgain}` };
  if (row.tool !== tool || row.argumentsHash !== argumentsHash) {
    const granted = row.tool !== tool ? `tool ${row.tool}` : `other arguments (SHA-256 ${row.argumentsHash.slice(0, 12)}…)`;
    return {
      ok: false,
      code: "approval_arguments_mismatch",
      message: `Approval ${id} is for ${granted}, not this call: an approval covers exactly the arguments it was granted for; ${askAgain}`,
    };
  }
  if (isPastDeadline(row, now) || row.status === "EXPIRED") {
    return {
      ok: false,
      code: "approval_expired",
      message: `Approval ${id} expired at ${row.expiresAt.toISOString()} without a decision, which counts as denied; ${askAgain}`,
    };
  }
  if (row.status === "PENDING") {
    const missing = row.approvalsRequired - row._count.votes;
    return {
      ok: false,
      code: "approval_pending",
      message: `Approval ${id} is still waiting for ${missing} more approval${missing === 1 ? "" : "s"}; wait on GET /api/v1/approvals/${id} and retry once it is approved`,
    };
  }
  if (row.status === "DENIED" || row.status === "CANCELLED") {
    const how = row.status === "DENIED" ? "was denied" : "was cancelled";
    return {
      ok: false,
      code: "approval_denied",
      message: `Approval ${id} ${how}: ${row.outcomeReason ?? "no reason recorded"}; do not run this call`,
    };
  }
  return {
    ok: false,
    code: "approval_already_used",
    message: `Approval ${id} was already used at ${row.consumedAt?.toISOString() ?? "an earlier call"}; an approval is spent once, so ${askAgain}`,
  };
}
