import "server-only";
import type { TWorkflowPermissions } from "@/lib/contracts/changes";
import { hasPermission } from "@/lib/contracts/permissions";
import type { TSessionUser } from "../../authz/principal";
import { workflowEditWhere, workflowReadWhere } from "../../authz/workflow-scope";
import { db, type TTx } from "../../db/client";
import { notFound } from "../../errors";
import { readPermissionSet } from "../permission-set/read-permission-set";
import { WORKFLOW_SUMMARY_SELECT } from "./read-workflow-summary";

const PERSON = { select: { id: true, name: true, email: true } } as const;

/** A workflow's permissions as the caller may see them, with any pending change and whether they may edit. */
export async function readWorkflowPermissions(options: {
  tx?: TTx;
  user: TSessionUser;
  workflowId: string;
}): Promise<TWorkflowPermissions> {
  const { user, workflowId } = options;
  const tx = options.tx ?? db;
  const workflow = await tx.workflow.findFirst({
    where: { AND: [{ id: workflowId }, workflowReadWhere(user)] },
    select: {
      ...WORKFLOW_SUMMARY_SELECT,
      changes: { where: { status: "PENDING" }, take: 1, select: { id: true, summary: true, createdAt: true, requestedBy: PERSON } },
    },
  });
  if (!workflow) throw notFound("The workflow");
  const canEdit =
    hasPermission(user.roles, "workflows:edit") &&
    workflow.status !== "RETIRED" &&
    (await tx.workflow.count({ where: { AND: [{ id: workflowId }, workflowEditWhere(user)] } })) > 0;
  const { changes, ...summary } = workflow;
  const pending = changes[0];
  return {
    workflow: summary,
    permissions: await readPermissionSet({ tx, workflowId }),
    pendingChange: pending ? { ...pending, createdAt: pending.createdAt.toISOString() } : null,
    canEdit,
  };
}
