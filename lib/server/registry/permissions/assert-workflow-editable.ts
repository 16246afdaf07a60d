import "server-only";
import type { TSessionUser } from "../../authz/principal";
import { workflowEditWhere, workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import { forbidden, notFound } from "../../errors";

/**
 * Refuses a change to a workflow the user may not edit: one they cannot even see is not found
 * (revealing nothing); one they can see but do not own is forbidden.
 */
export async function assertWorkflowEditable(options: { tx: TTx; user: TSessionUser; workflowId: string; action: string }): Promise<void> {
  const { tx, user, workflowId } = options;
  if (await tx.workflow.count({ where: { AND: [{ id: workflowId }, workflowEditWhere(user)] } })) return;
  const readable = await tx.workflow.count({ where: { AND: [{ id: workflowId }, workflowReadWhere(user)] } });
  if (!readable) throw notFound("The workflow");
  throw forbidden(`Only the workflow's owner or an administrator may ${options.action}`);
}
