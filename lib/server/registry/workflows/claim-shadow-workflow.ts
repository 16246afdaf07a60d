import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TTx } from "../../db/client";

/** Links an unclaimed shadow workflow with this key to its new registration; true when one matched. */
export async function claimShadowWorkflow(options: { tx: TTx; actor: TAuditActor; key: string; workflowId: string }): Promise<boolean> {
  const { tx, actor, key, workflowId } = options;
  const { count } = await tx.shadowWorkflow.updateMany({
    where: { key, registeredWorkflowId: null },
    data: { registeredWorkflowId: workflowId },
  });
  if (count === 0) return false;
  await recordAuditEvent(tx, actor, {
    action: "shadow_workflow.registered",
    target: { type: "shadow_workflow", id: key },
    data: { key, workflowId },
  });
  return true;
}
