import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TPermissionChange } from "@/lib/contracts/registry";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TTx } from "../../db/client";
import type { TResolvedPermissionSet } from "../permission-set/check-permission-set";
import { writePermissionSet } from "../permission-set/write-permission-set";

/**
 * Applies a checked permission set as the workflow's next version, audited with its diff: the one
 * way a draft edit and an approved change request both land.
 */
export async function commitPermissionSet(options: {
  tx: TTx;
  actor: TAuditActor;
  workflowId: string;
  version: number;
  resolved: TResolvedPermissionSet;
  changes: TPermissionChange[];
  changeRequestId: string | null;
}): Promise<void> {
  const { tx, actor, workflowId, version, resolved, changes, changeRequestId } = options;
  await recordAuditEvent(tx, actor, {
    action: "workflow.permissions.changed",
    target: { type: "workflow", id: workflowId },
    data: { changes, version, changeRequestId },
  });
  await writePermissionSet({ tx, workflowId, resolved });
  await tx.workflow.update({ where: { id: workflowId }, data: { version } });
}
