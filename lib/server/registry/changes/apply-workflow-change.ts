import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { ZPermissionSet } from "@/lib/contracts/registry";
import { ZSloChangeProposal } from "@/lib/contracts/scorecard";
import type { TTx } from "../../db/client";
import type { ChangeRequest } from "../../db/generated/client";
import { AppError, conflict } from "../../errors";
import { checkPermissionSet, type TResolvedPermissionSet } from "../permission-set/check-permission-set";
import { diffPermissionSets } from "../permission-set/diff-permission-sets";
import { readPermissionSet } from "../permission-set/read-permission-set";
import { commitPermissionSet } from "../permissions/commit-permission-set";
import { lockWorkflow } from "../permissions/lock-workflow";
import { writeWorkflowSlo } from "../workflows/write-workflow-slo";

const ASK_AGAIN = "Reject this request and ask the requester for a new one.";

// The catalogs may have changed since the request was filed: check again, but as a conflict of
// state, not as a bad field in the reviewer's request.
async function recheck(tx: TTx, proposed: unknown): Promise<TResolvedPermissionSet> {
  const set = ZPermissionSet.safeParse(proposed);
  if (!set.success) throw conflict(`The stored proposal is not a readable permission set. ${ASK_AGAIN}`);
  try {
    return await checkPermissionSet({ tx, set: set.data, at: "proposed" });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
    const problems = (error.fieldProblems ?? []).map((p) => `${p.path}: ${p.message}`).join("; ");
    throw conflict(`The proposed permissions no longer pass the registry's checks (${problems}). ${ASK_AGAIN}`);
  }
}

/** Applies an approved WORKFLOW change request (permissions or SLO targets), only onto the very version it was proposed against. */
export async function applyWorkflowChange(options: { tx: TTx; actor: TAuditActor; changeRequest: ChangeRequest }): Promise<void> {
  const { tx, actor, changeRequest } = options;
  const workflowId = changeRequest.workflowId;
  if (!workflowId) throw conflict(`This change request names no workflow. ${ASK_AGAIN}`);
  await lockWorkflow({ tx, id: workflowId });
  const workflow = await tx.workflow.findUniqueOrThrow({ where: { id: workflowId }, select: { key: true, status: true, version: true } });
  if (workflow.status === "RETIRED") throw conflict(`${workflow.key} was retired after this request was made. Reject it instead.`);
  if (workflow.version !== changeRequest.baseVersion) {
    throw conflict(
      `${workflow.key} changed since this request was made: it is at version ${workflow.version}, the request was based on version ${changeRequest.baseVersion}. ${ASK_AGAIN}`,
    );
  }
  // An SLO change (lib/server/scorecard) rides on the same review: it sets targets, not permissions.
  const slo = ZSloChangeProposal.safeParse(changeRequest.proposed);
  if (slo.success) {
    const { targets } = slo.data;
    const { id: changeRequestId, requestedById: updatedById } = changeRequest;
    return writeWorkflowSlo({ tx, actor, workflowId, version: workflow.version + 1, targets, updatedById, changeRequestId });
  }
  const resolved = await recheck(tx, changeRequest.proposed);
  const changes = diffPermissionSets(await readPermissionSet({ tx, workflowId }), resolved.set);
  await commitPermissionSet({ tx, actor, workflowId, version: workflow.version + 1, resolved, changes, changeRequestId: changeRequest.id });
}
