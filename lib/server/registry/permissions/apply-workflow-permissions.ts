import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TPermissionEditInput, TPermissionsApplied } from "@/lib/contracts/changes";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { commitPermissionSet } from "./commit-permission-set";
import { preparePermissionEdit } from "./prepare-permission-edit";

/** A draft's owner (or an administrator) edits its permissions directly: next version, audited diff. */
export async function applyWorkflowPermissions(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  workflowId: string;
  edit: TPermissionEditInput;
}): Promise<TPermissionsApplied> {
  const { tx, actor } = options;
  const { workflow, resolved, changes } = await preparePermissionEdit({ ...options, mode: "apply" });
  const version = workflow.version + 1;
  await commitPermissionSet({ tx, actor, workflowId: workflow.id, version, resolved, changes, changeRequestId: null });
  return { version, changes, permissions: resolved.set };
}
