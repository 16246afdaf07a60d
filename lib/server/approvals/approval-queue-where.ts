import "server-only";
import { hasPermission } from "@/lib/contracts/permissions";
import type { TRole } from "@/lib/contracts/roles";
import type { Prisma } from "../db/generated/client";
import { decidesBeforeEscalation } from "./approval-voter-rights";

const NOTHING: Prisma.ApprovalRequestWhereInput = { id: { in: [] } };

/**
 * The pending requests `user` may decide, as a query: what approvalVoterRights allows, minus the
 * requests they already voted on. Separation of duties is in the where, so excluded requests are
 * never listed.
 */
export function approvalQueueWhere(user: { id: string; roles: readonly TRole[] }, now: Date): Prisma.ApprovalRequestWhereInput {
  if (!hasPermission(user.roles, "approvals:decide")) return NOTHING;
  const onlyEscalated = !decidesBeforeEscalation(user.roles) && !hasPermission(user.roles, "approvals:break_glass");
  return {
    status: "PENDING",
    expiresAt: { gt: now },
    workflow: { ownerId: { not: user.id }, raci: { none: { userId: user.id, role: "RESPONSIBLE" } } },
    OR: [{ tokenId: null }, { token: { is: { createdById: { not: user.id } } } }],
    votes: { none: { userId: user.id } },
    ...(onlyEscalated ? { escalatedAt: { not: null } } : {}),
  };
}
