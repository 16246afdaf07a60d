import "server-only";
import { hasPermission } from "@/lib/contracts/permissions";
import type { TRole } from "@/lib/contracts/roles";
import type { Prisma } from "../db/generated/client";
import { isPastDeadline } from "./approval-state-view";

/** What the rules need to know about a request to judge one voter. */
export const VOTER_FACTS_SELECT = {
  status: true,
  expiresAt: true,
  escalateAt: true,
  escalatedAt: true,
  decidedAt: true,
  outcomeReason: true,
  approvalsRequired: true,
  workflow: { select: { key: true, ownerId: true, raci: { where: { role: "RESPONSIBLE" }, select: { userId: true, function: true } } } },
  token: { select: { prefix: true, createdById: true } },
  votes: { select: { userId: true, vote: true, createdAt: true } },
} satisfies Prisma.ApprovalRequestSelect;
export type TVoterFacts = Prisma.ApprovalRequestGetPayload<{ select: typeof VOTER_FACTS_SELECT }>;

// Approvers decide from the start; Security once a request is escalated to it (or by break-glass).
const DECIDES_BEFORE_ESCALATION: readonly TRole[] = ["APPROVER", "ADMIN"];
export const decidesBeforeEscalation = (roles: readonly TRole[]) => roles.some((r) => DECIDES_BEFORE_ESCALATION.includes(r));

export type TVoterRights = {
  canVote: boolean;
  canBreakGlass: boolean;
  /** Why voting is closed to this voter; null when they may vote. */
  refusal: string | null;
  /** How a refused vote answers: the request's state (conflict) or who is asking (forbidden). */
  refusedAs: "conflict" | "forbidden" | null;
};

const at = (date: Date | null) => date?.toISOString() ?? "an earlier time";

function closedRefusal(facts: TVoterFacts, now: Date): string | null {
  if (isPastDeadline(facts, now) || facts.status === "EXPIRED") {
    return `This request expired at ${facts.expiresAt.toISOString()} without a decision and counts as denied; the automation has to ask again`;
  }
  if (facts.status === "PENDING") return null;
  const verb = { APPROVED: "approved", DENIED: "denied", CANCELLED: "cancelled" }[facts.status];
  return `This request was already ${verb} at ${at(facts.decidedAt)}${facts.outcomeReason ? ` (“${facts.outcomeReason}”)` : ""}; nothing changed`;
}

/** Separation of duties: nobody approves what they asked for, run or answer for. */
function separationRefusal(userId: string, facts: TVoterFacts): string | null {
  const key = facts.workflow.key;
  if (facts.workflow.ownerId === userId) return `You own workflow ${key}, so someone else must decide its requests (separation of duties)`;
  if (facts.workflow.raci.some((r) => r.userId === userId)) {
    return `You are Responsible in the RACI of workflow ${key}, so someone else must decide its requests (separation of duties)`;
  }
  if (facts.token?.createdById === userId) {
    return `You created the service token (${facts.token.prefix}) that made this request, so someone else must decide it (separation of duties)`;
  }
  return null;
}

type TRefusal = { message: string; as: "conflict" | "forbidden" };

/** What stops this person from deciding at all, break-glass included. */
function blockingRefusal(user: { id: string; roles: readonly TRole[] }, facts: TVoterFacts, now: Date): TRefusal | null {
  const closed = closedRefusal(facts, now);
  if (closed) return { message: closed, as: "conflict" };
  if (!hasPermission(user.roles, "approvals:decide")) {
    return { message: "Deciding approval requests needs the approvals:decide permission, which your roles do not grant", as: "forbidden" };
  }
  const separation = separationRefusal(user.id, facts);
  if (separation) return { message: separation, as: "forbidden" };
  const voted = facts.votes.find((v) => v.userId === user.id);
  if (!voted) return null;
  const more = facts.approvalsRequired - facts.votes.filter((v) => v.vote === "APPROVE").length;
  return {
    message: `You already voted on this request at ${voted.createdAt.toISOString()}; it needs ${more} more approval${more === 1 ? "" : "s"} from someone else`,
    as: "conflict",
  };
}

/** The same rules decide what the console offers a viewer and whether their vote counts. */
export function approvalVoterRights(user: { id: string; roles: readonly TRole[] }, facts: TVoterFacts, now: Date): TVoterRights {
  const blocked = blockingRefusal(user, facts, now);
  if (blocked) return { canVote: false, canBreakGlass: false, refusal: blocked.message, refusedAs: blocked.as };
  const canBreakGlass = hasPermission(user.roles, "approvals:break_glass");
  if (decidesBeforeEscalation(user.roles) || facts.escalatedAt) return { canVote: true, canBreakGlass, refusal: null, refusedAs: null };
  return {
    canVote: false,
    canBreakGlass,
    refusal: `Approvers decide this request until it is escalated to Security at ${facts.escalateAt.toISOString()}; before that, Security can only break glass with an incident reference`,
    refusedAs: "forbidden",
  };
}
