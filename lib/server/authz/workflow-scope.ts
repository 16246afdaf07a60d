import "server-only";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "./principal";

// Roles that see every workflow; an OWNER alone sees only their own, and everyone else nothing.
const READS_ALL = ["ADMIN", "SECURITY", "APPROVER", "AUDITOR"] as const;
const NOTHING: Prisma.WorkflowWhereInput = { id: { in: [] } };

/** Put into every workflow query's `where`: what this user may see. Others' ids find nothing. */
export function workflowReadWhere(user: TSessionUser): Prisma.WorkflowWhereInput {
  if (user.roles.some((r) => (READS_ALL as readonly string[]).includes(r))) return {};
  if (user.roles.includes("OWNER")) return { ownerId: user.id };
  return NOTHING;
}

/** What this user may change: an ADMIN anything, an OWNER their own workflows, nobody else. */
export function workflowEditWhere(user: TSessionUser): Prisma.WorkflowWhereInput {
  if (user.roles.includes("ADMIN")) return {};
  if (user.roles.includes("OWNER")) return { ownerId: user.id };
  return NOTHING;
}
