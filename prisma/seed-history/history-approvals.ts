import type { TApprovalVote } from "@/lib/contracts/approvals";
import { voteOnApproval } from "@/lib/server/approvals/vote-on-approval";
import { runAudited } from "@/lib/server/audit/run-audited";
import { actorOf, type TSessionUser } from "@/lib/server/authz/principal";
import type { TDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { TRandom } from "./random";

// How the demo approvers answer: quickly in working hours, hardly at night (so night requests
// expire), mostly yes, sometimes no, and now and then Security breaks glass.

const MINUTE = 60_000;

export type TApprovers = {
  /** Who decides from the start, with how often each is the one who picks a request up. */
  deciders: readonly (readonly [TSessionUser, number])[];
  /** Security, who may break glass for an urgent request nobody else answered. */
  security: TSessionUser;
  /** After this moment nobody answers (they are in a meeting): what is requested then is still waiting at the end. */
  awayFrom: number;
  /** The end of the history: nothing is decided after it. */
  end: number;
};

export type TSettled = { status: "APPROVED" | "DENIED" | "EXPIRED" | "CANCELLED" | "PENDING"; at: number };

const APPROVE_REASONS = [
  "Matches the ticket and the customer's history",
  "Verified with the requester",
  "Within policy, approved",
  "Checked the amount against the invoice",
];
const DENY_REASONS = [
  "Amount does not match the ticket",
  "Wrong customer: this contact belongs to another account",
  "Duplicate of a request already handled",
  "Needs the manager's sign-off first",
];

function responseDelay(random: TRandom, requestedAt: number): number {
  const at = new Date(requestedAt);
  const hour = at.getUTCHours();
  const working = hour >= 8 && hour < 18 && at.getUTCDay() !== 0 && at.getUTCDay() !== 6;
  return Math.round(random.logNormal(working ? 6 * MINUTE : 35 * MINUTE, 0.9));
}

async function castVote(db: TDb, user: TSessionUser, id: string, vote: TApprovalVote, at: number) {
  return runAudited(db, (tx) => voteOnApproval(tx, { actor: actorOf({ kind: "user", user }, null), user, id, vote, now: new Date(at) }));
}

/**
 * Decides one request the way the demo's people would, through the same vote the console casts,
 * at the moment they would have. A vote refused because the request closed meanwhile (the
 * server's sweeper expired it, a kill switch cancelled it) settles as what closed it.
 */
export async function settleApproval(options: {
  db: TDb;
  random: TRandom;
  approvers: TApprovers;
  approval: { id: string; approvalsRequired: number; requestedAt: number; expiresAt: number };
}): Promise<TSettled> {
  const { db, random, approvers, approval } = options;
  const waiting = (): TSettled =>
    approval.expiresAt <= approvers.end ? { status: "EXPIRED", at: approval.expiresAt } : { status: "PENDING", at: approvers.end };
  const answerable = (at: number) => at < approval.expiresAt && at < approvers.end && at < approvers.awayFrom;

  let at = approval.requestedAt + responseDelay(random, approval.requestedAt);
  if (!answerable(at)) {
    // Urgent and unanswered: Security may break glass (rarely, and flagged everywhere).
    const glassAt = approval.requestedAt + random.int(20, 45) * MINUTE;
    if (!random.chance(0.04) || !answerable(glassAt)) return waiting();
    const vote = {
      vote: "APPROVE" as const,
      reason: "Customer escalation, nobody on the approver rota answered",
      breakGlass: { incidentRef: `INC-${random.int(1000, 9999)}` },
    };
    return closedOr(await tryVote(db, approvers.security, approval.id, vote, glassAt), glassAt, waiting);
  }
  const first = random.weighted(approvers.deciders);
  const deny = random.chance(0.07);
  const firstVote = { vote: deny ? ("DENY" as const) : ("APPROVE" as const), reason: random.pick(deny ? DENY_REASONS : APPROVE_REASONS) };
  const outcome = await tryVote(db, first, approval.id, firstVote, at);
  if (outcome !== "PENDING") return closedOr(outcome, at, waiting);

  // Two distinct approvers for T3: someone else picks it up a few minutes later.
  at += Math.round(random.logNormal(4 * MINUTE, 0.8));
  if (!answerable(at)) return waiting();
  const others = approvers.deciders.filter(([user]) => user.id !== first.id);
  const second = random.weighted(others);
  const secondVote = { vote: random.chance(0.04) ? ("DENY" as const) : ("APPROVE" as const), reason: random.pick(APPROVE_REASONS) };
  if (secondVote.vote === "DENY") secondVote.reason = random.pick(DENY_REASONS);
  return closedOr(await tryVote(db, second, approval.id, secondVote, at), at, waiting);
}

type TVoteOutcome = "APPROVED" | "DENIED" | "PENDING" | "EXPIRED" | "CANCELLED";

async function tryVote(db: TDb, user: TSessionUser, id: string, vote: TApprovalVote, at: number): Promise<TVoteOutcome> {
  try {
    return (await castVote(db, user, id, vote, at)).status;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "conflict") throw error;
    const row = await db.approvalRequest.findUniqueOrThrow({ where: { id }, select: { status: true } });
    return row.status === "PENDING" ? "EXPIRED" : row.status;
  }
}

function closedOr(outcome: TVoteOutcome, at: number, waiting: () => TSettled): TSettled {
  if (outcome === "EXPIRED") return waiting();
  if (outcome === "PENDING") return waiting();
  return { status: outcome, at };
}
