import "server-only";
import type { TPermissionEditInput, TPermissionPreview } from "@/lib/contracts/changes";
import type { TSessionUser } from "../../authz/principal";
import { db, type TTx } from "../../db/client";
import { checkPermissionSet } from "../permission-set/check-permission-set";
import { diffPermissionSets } from "../permission-set/diff-permission-sets";
import { readPermissionSet } from "../permission-set/read-permission-set";
import { assertWorkflowEditable } from "./assert-workflow-editable";
import { normalizePermissionSet } from "./normalize-permission-set";
import { staleWorkflowEdit } from "./stale-workflow-edit";

/**
 * The diff an edit would make, with the same checks and field problems a save would meet, so the
 * editor sees both before anything is written. Changes nothing.
 */
export async function previewPermissionEdit(options: {
  tx?: TTx;
  user: TSessionUser;
  workflowId: string;
  edit: TPermissionEditInput;
}): Promise<TPermissionPreview> {
  const { user, workflowId, edit } = options;
  const tx = options.tx ?? db;
  await assertWorkflowEditable({ tx, user, workflowId, action: "change its permissions" });
  const workflow = await tx.workflow.findUniqueOrThrow({ where: { id: workflowId }, select: { id: true, key: true, version: true } });
  if (workflow.version !== edit.expectedVersion) throw await staleWorkflowEdit({ tx, workflow, expectedVersion: edit.expectedVersion });
  // Checked in the editor's order, so each problem's index points at the row they see.
  const checked = await checkPermissionSet({ tx, set: edit.permissions, at: "body.permissions" });
  return { changes: diffPermissionSets(await readPermissionSet({ tx, workflowId }), normalizePermissionSet(checked.set)) };
}
