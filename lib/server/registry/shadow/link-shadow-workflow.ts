import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TTx } from "../../db/client";

/**
 * Marks the shadow workflow with `key` as registered by `workflowId`, audited as
 * shadow_workflow.registered. For the workflow registration to call in its transaction; does
 * nothing when the runtime never saw the key.
 */
export async function linkShadowWorkflow(options: { tx: TTx; actor: TAuditActor; key: string; workflowId: string }): Promise<boolean> {
  const { tx, actor, key, workflowId } = options;
  const linked = await tx.shadowWorkflow.updateMany({ where: { key, registeredWorkflowId: null }, data: { registeredWorkflowId: workflowId } });
  if (linked.count === 0) return false;
  await recordAuditEvent(tx, actor, { action: "shadow_workflow.registered", target: { type: "workflow", id: workflowId }, data: { key, workflowId } });
  return true;
}
