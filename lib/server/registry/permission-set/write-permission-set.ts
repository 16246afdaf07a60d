import "server-only";
import type { TTx } from "../../db/client";
import { deriveWorkflowRisk } from "../../shared/derive-workflow-risk";
import type { TResolvedPermissionSet } from "./check-permission-set";

/** Replaces a workflow's data classes, models and tool grants, and its derived risk columns. */
export async function writePermissionSet(options: { tx: TTx; workflowId: string; resolved: TResolvedPermissionSet }): Promise<void> {
  const { tx, workflowId, resolved } = options;
  await tx.workflowDataClass.deleteMany({ where: { workflowId } });
  await tx.workflowModel.deleteMany({ where: { workflowId } });
  await tx.workflowTool.deleteMany({ where: { workflowId } });
  await tx.workflowDataClass.createMany({ data: resolved.dataClasses.map((d) => ({ workflowId, dataClassId: d.id })) });
  await tx.workflowModel.createMany({ data: resolved.models.map((m) => ({ workflowId, modelId: m.id })) });
  await tx.workflowTool.createMany({
    data: resolved.tools.map((t) => ({
      workflowId,
      toolId: t.id,
      ratePerMinute: t.grant.ratePerMinute,
      argumentConstraints: (t.grant.argumentConstraints ?? undefined) as object | undefined,
      tier: t.grant.tier,
    })),
  });
  const risk = deriveWorkflowRisk({
    sensitivities: resolved.dataClasses.map((d) => d.sensitivity),
    tiers: resolved.tools.map((t) => t.grant.tier),
  });
  await tx.workflow.update({ where: { id: workflowId }, data: risk });
}
