import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TSloChangeProposal, TSloUpdateResult, TUpdateSlo } from "@/lib/contracts/scorecard";
import type { TSessionUser } from "../authz/principal";
import type { TTx } from "../db/client";
import { AppError, conflict } from "../errors";
import { openChangeRequest } from "../registry/changes/open-change-request";
import { assertWorkflowEditable } from "../registry/permissions/assert-workflow-editable";
import { staleWorkflowEdit } from "../registry/permissions/stale-workflow-edit";
import { writeWorkflowSlo } from "../registry/workflows/write-workflow-slo";
import { diffSloTargets } from "./diff-slo-targets";
import { readSloTargets } from "./read-slo-targets";

/**
 * New SLO targets for a workflow, against the version its editor saw. Who may edit it (its owner or
 * an administrator) sets a draft's at once; an active or paused workflow's go to review like a
 * permission change, one pending request per workflow, applied only onto the version they were made against.
 */
export async function updateWorkflowSlo(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  workflowId: string;
  input: TUpdateSlo;
}): Promise<TSloUpdateResult> {
  const { tx, actor, user, workflowId, input } = options;
  const { expectedVersion, ...targets } = input;
  await assertWorkflowEditable({ tx, user, workflowId, action: "change its SLOs" });
  // Row lock: edits, proposals and approvals of this workflow queue behind one another.
  await tx.$queryRaw`SELECT id FROM workflows WHERE id = ${workflowId}::uuid FOR UPDATE`;
  const workflow = await tx.workflow.findUniqueOrThrow({
    where: { id: workflowId },
    select: { id: true, key: true, status: true, version: true },
  });
  if (workflow.status === "RETIRED") throw conflict(`${workflow.key} is retired: its SLOs no longer change`);
  if (workflow.version !== expectedVersion) throw await staleWorkflowEdit({ tx, workflow, expectedVersion });

  const current = (await readSloTargets({ db: tx, workflowIds: [workflowId] })).get(workflowId);
  const lines = current ? diffSloTargets(current.targets, targets) : [];
  if (!lines.length) throw new AppError("bad_request", `Nothing to change: ${workflow.key} already has exactly these SLO targets`);

  if (workflow.status === "DRAFT") {
    const version = workflow.version + 1;
    await writeWorkflowSlo({ tx, actor, workflowId, version, targets, updatedById: user.id, changeRequestId: null });
    return { outcome: "applied", targets, version };
  }
  const pending = await tx.changeRequest.findFirst({
    where: { workflowId, status: "PENDING" },
    select: { id: true, createdAt: true, requestedBy: { select: { email: true } } },
  });
  if (pending) {
    throw conflict(
      `A change request for ${workflow.key} is already pending review (opened by ${pending.requestedBy.email} at ${pending.createdAt.toISOString()}): ` +
        `/changes/${pending.id}. Wait for its decision or withdraw it before proposing another.`,
    );
  }
  const summary = `SLO change to ${workflow.key}: ${lines.map((l) => l.slice(2)).join("; ")}`;
  const proposed: TSloChangeProposal = { kind: "slo", targets };
  const request = await openChangeRequest({
    tx,
    actor,
    requestedById: user.id,
    subject: "WORKFLOW",
    workflowId,
    baseVersion: workflow.version,
    proposed,
    diff: lines,
    summary,
  });
  return { outcome: "proposed", changeRequestId: request.id, summary };
}
