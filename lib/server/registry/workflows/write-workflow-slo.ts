import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TSloTargets } from "@/lib/contracts/scorecard";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TTx } from "../../db/client";

/**
 * Sets a workflow's SLO targets as its next version, audited with before and after (null while the
 * defaults applied). The caller holds the workflow's row lock and has checked the version: a
 * draft's owner directly, or the approval of a reviewed change request.
 */
export async function writeWorkflowSlo(options: {
  tx: TTx;
  actor: TAuditActor;
  workflowId: string;
  version: number;
  targets: TSloTargets;
  /** Whose targets these are: the editor, or the requester of an approved change. */
  updatedById: string;
  changeRequestId: string | null;
}): Promise<void> {
  const { tx, actor, workflowId, version, targets, updatedById, changeRequestId } = options;
  const before = await tx.workflowSlo.findUnique({
    where: { workflowId },
    select: { successRate: true, toolErrorRate: true, latencyP95Ms: true },
  });
  await recordAuditEvent(tx, actor, {
    action: "workflow.slo.changed",
    target: { type: "workflow", id: workflowId },
    data: { before, after: { ...targets }, version, changeRequestId },
  });
  await tx.workflowSlo.upsert({
    where: { workflowId },
    create: { workflowId, ...targets, updatedById },
    update: { ...targets, updatedById },
  });
  await tx.workflow.update({ where: { id: workflowId }, data: { version } });
}
