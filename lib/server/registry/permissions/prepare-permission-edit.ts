import "server-only";
import type { TPermissionEditInput } from "@/lib/contracts/changes";
import type { TPermissionChange } from "@/lib/contracts/registry";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { AppError, conflict } from "../../errors";
import { checkPermissionSet, type TResolvedPermissionSet } from "../permission-set/check-permission-set";
import { diffPermissionSets } from "../permission-set/diff-permission-sets";
import { readPermissionSet } from "../permission-set/read-permission-set";
import { assertWorkflowEditable } from "./assert-workflow-editable";
import { lockWorkflow } from "./lock-workflow";
import { normalizePermissionSet } from "./normalize-permission-set";
import { staleWorkflowEdit } from "./stale-workflow-edit";

type TWorkflow = { id: string; key: string; status: "DRAFT" | "ACTIVE" | "PAUSED" | "RETIRED"; version: number };
export type TPreparedEdit = { workflow: TWorkflow; resolved: TResolvedPermissionSet; changes: TPermissionChange[] };

/** "apply" edits a draft directly; "propose" files a change request for an active or paused workflow. */
type TMode = "apply" | "propose";

function refuseStatus(workflow: TWorkflow, mode: TMode): void {
  if (workflow.status === "RETIRED") throw conflict(`${workflow.key} is retired: its permissions can no longer change`);
  if (mode === "apply" && workflow.status !== "DRAFT") {
    throw conflict(
      `${workflow.key} is ${workflow.status.toLowerCase()}: a change to its permissions is reviewed by Security. ` +
        `Propose it with POST /api/v1/workflows/${workflow.id}/changes.`,
    );
  }
  if (mode === "propose" && workflow.status === "DRAFT") {
    throw conflict(
      `${workflow.key} is a draft: edit its permissions directly (PUT /api/v1/workflows/${workflow.id}/permissions); only active and paused workflows go through review`,
    );
  }
}

async function refusePending(tx: TTx, workflow: TWorkflow): Promise<void> {
  const pending = await tx.changeRequest.findFirst({
    where: { workflowId: workflow.id, status: "PENDING" },
    select: { id: true, createdAt: true, requestedBy: { select: { email: true } } },
  });
  if (!pending) return;
  throw conflict(
    `A change request for ${workflow.key} is already pending review (opened by ${pending.requestedBy.email} at ${pending.createdAt.toISOString()}): ` +
      `/changes/${pending.id}. Wait for its decision or withdraw it before proposing another.`,
  );
}

/**
 * What a permission edit must pass before it applies or goes to review: the caller may edit the
 * workflow (else 404 or 403), its status allows this path, the editor saw the current
 * version, the set passes the catalogs, and it changes something. Holds the workflow's row lock.
 */
export async function preparePermissionEdit(options: {
  tx: TTx;
  user: TSessionUser;
  workflowId: string;
  edit: TPermissionEditInput;
  mode: TMode;
}): Promise<TPreparedEdit> {
  const { tx, user, workflowId, edit, mode } = options;
  await assertWorkflowEditable({ tx, user, workflowId, action: "change its permissions" });
  await lockWorkflow({ tx, id: workflowId });
  const workflow = await tx.workflow.findUniqueOrThrow({
    where: { id: workflowId },
    select: { id: true, key: true, status: true, version: true },
  });

  refuseStatus(workflow, mode);
  if (mode === "propose") await refusePending(tx, workflow);
  if (workflow.version !== edit.expectedVersion) throw await staleWorkflowEdit({ tx, workflow, expectedVersion: edit.expectedVersion });

  // Checked in the editor's order, so each problem's index points at the row they see.
  const checked = await checkPermissionSet({ tx, set: edit.permissions, at: "body.permissions" });
  const resolved = { ...checked, set: normalizePermissionSet(checked.set) };
  const changes = diffPermissionSets(await readPermissionSet({ tx, workflowId }), resolved.set);
  if (!changes.length) throw new AppError("bad_request", `Nothing to change: ${workflow.key} already has exactly these permissions`);
  return { workflow, resolved, changes };
}
