import "server-only";
import { ZApprovalVote, type TApprovalVote } from "@/lib/contracts/approvals";
import type { TApprovalVoteOutcome } from "@/lib/contracts/approvals-console";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TRole } from "@/lib/contracts/roles";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { AppError, notFound } from "../errors";
import { announceApprovals } from "./announce-approvals";
import { approvalVoterRights, VOTER_FACTS_SELECT } from "./approval-voter-rights";

/**
 * One person's vote, under a row lock on the request so that concurrent voters are counted one
 * after another: one eligible deny ends it, the required number of distinct approvals (or one
 * break-glass approval) approves it, and no request ever gets two outcomes.
 */
export async function voteOnApproval(
  tx: TTx,
  options: { actor: TAuditActor; user: { id: string; roles: readonly TRole[] }; id: string; vote: TApprovalVote; now?: Date },
): Promise<TApprovalVoteOutcome> {
  const { actor, user, id } = options;
  const now = options.now ?? new Date();
  const vote = parseVote(options.vote);

  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM approval_requests WHERE id = ${id}::uuid FOR UPDATE`;
  if (!locked.length) throw notFound("The approval request");
  const facts = await tx.approvalRequest.findUniqueOrThrow({ where: { id }, select: VOTER_FACTS_SELECT });
  const rights = approvalVoterRights(user, facts, now);
  const breakGlass = vote.breakGlass ?? null;
  if (breakGlass) {
    if (!rights.canBreakGlass) {
      throw new AppError(
        rights.refusedAs ?? "forbidden",
        rights.refusal ?? "Break-glass needs the approvals:break_glass permission (Security), which your roles do not grant",
      );
    }
    if (vote.vote !== "APPROVE") throw new AppError("bad_request", "Break-glass only approves; to deny, vote DENY without it");
  } else if (!rights.canVote) {
    throw new AppError(rights.refusedAs ?? "forbidden", rights.refusal ?? "You may not decide this request");
  }

  await tx.approvalVote.create({
    data: {
      approvalId: id,
      userId: user.id,
      vote: vote.vote,
      reason: vote.reason,
      breakGlass: breakGlass !== null,
      incidentRef: breakGlass?.incidentRef ?? null,
      createdAt: now,
    },
  });
  await recordAuditEvent(tx, actor, {
    action: "approval.voted",
    target: { type: "approval", id },
    data: { vote: vote.vote, reason: vote.reason, breakGlass: breakGlass !== null, incidentRef: breakGlass?.incidentRef ?? null },
  });

  const approvals = facts.votes.filter((v) => v.vote === "APPROVE").length + (vote.vote === "APPROVE" ? 1 : 0);
  const status = vote.vote === "DENY" ? "DENIED" : breakGlass || approvals >= facts.approvalsRequired ? "APPROVED" : "PENDING";
  const outcome = { id, status, approvals, approvalsRequired: facts.approvalsRequired, breakGlass: breakGlass !== null } as const;
  if (status === "PENDING") {
    // A no-op update fires the NOTIFY trigger, so live queues show the new count.
    await tx.$executeRaw`UPDATE approval_requests SET status = status WHERE id = ${id}::uuid`;
    const more = facts.approvalsRequired - approvals;
    return { ...outcome, message: `Your approval is recorded; it needs ${more} more approval${more === 1 ? "" : "s"} from someone else` };
  }
  await tx.approvalRequest.update({
    where: { id },
    data: { status, decidedAt: now, outcomeReason: vote.reason, breakGlass: breakGlass !== null },
  });
  await recordAuditEvent(tx, actor, {
    action: "approval.decided",
    target: { type: "approval", id },
    data: { status, reason: vote.reason, breakGlass: breakGlass !== null },
  });
  await announceApprovals(tx, "approval.decided", [id]);
  const message =
    status === "DENIED"
      ? "Denied: the automation is told not to make this call"
      : breakGlass
        ? `Approved by break-glass (incident ${breakGlass.incidentRef}); it is flagged in the audit log and the history`
        : "Approved: the automation may now make exactly this call, once";
  return { ...outcome, message };
}

/** Routes validate the body already; a direct caller gets the same field problems. */
function parseVote(vote: TApprovalVote): TApprovalVote {
  const parsed = ZApprovalVote.safeParse(vote);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({ path: ["body", ...issue.path.map(String)].join("."), message: issue.message }));
  throw new AppError("validation_failed", "The vote has invalid fields", problems);
}
