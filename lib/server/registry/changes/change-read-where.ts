import "server-only";
import { hasPermission } from "@/lib/contracts/permissions";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import type { Prisma } from "../../db/generated/client";

/**
 * The change requests a user may see: every one with changes:read; otherwise their own, and those
 * of workflows they may read. Anyone else's request id finds nothing.
 */
export function changeReadWhere(user: TSessionUser): Prisma.ChangeRequestWhereInput {
  if (hasPermission(user.roles, "changes:read")) return {};
  return { OR: [{ requestedById: user.id }, { subject: "WORKFLOW", workflow: workflowReadWhere(user) }] };
}
