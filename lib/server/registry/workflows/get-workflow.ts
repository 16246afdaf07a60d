import "server-only";
import { hasPermission } from "@/lib/contracts/permissions";
import { DEFAULT_TIER } from "@/lib/contracts/registry-enums";
import { modelRef } from "@/lib/contracts/registry";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import type { TSessionUser } from "../../authz/principal";
import { workflowEditWhere, workflowReadWhere } from "../../authz/workflow-scope";
import { db, type TTx } from "../../db/client";
import { notFound } from "../../errors";
import { WORKFLOW_DETAIL_SELECT, hasArgumentContract, toWorkflowSummary } from "./workflow-view";

const RACI_ORDER = ["WORKFLOW_OWNER", "DATA_OWNER", "PLATFORM_OWNER", "SECURITY"];

/** One workflow as `user` may see it; another owner's workflow is not found, with no hint it exists. */
export async function getWorkflow(options: { user: TSessionUser; id: string; tx?: TTx }): Promise<TWorkflowDetail> {
  const { user, id } = options;
  const tx = options.tx ?? db;
  // One after the other: inside a transaction the queries share a single connection anyway.
  const row = await tx.workflow.findFirst({ where: { AND: [{ id }, workflowReadWhere(user)] }, select: WORKFLOW_DETAIL_SELECT });
  if (!row) throw notFound("The workflow");
  const editable = hasPermission(user.roles, "workflows:edit")
    ? await tx.workflow.count({ where: { AND: [{ id }, workflowEditWhere(user)] } })
    : 0;
  return {
    ...toWorkflowSummary(row),
    purpose: row.purpose,
    runbook: row.runbook,
    approvalTimeoutMinutes: row.approvalTimeoutMinutes,
    createdAt: row.createdAt.toISOString(),
    raci: row.raci
      .map((r) => ({ user: r.user, function: r.function, role: r.role }))
      .sort((a, b) => RACI_ORDER.indexOf(a.function) - RACI_ORDER.indexOf(b.function) || a.user.name.localeCompare(b.user.name)),
    dataClasses: row.dataClasses.map((d) => d.dataClass).sort((a, b) => a.key.localeCompare(b.key)),
    models: row.models.map(({ model: m }) => ({ ref: modelRef(m), ...m })).sort((a, b) => a.ref.localeCompare(b.ref)),
    tools: row.tools
      .map((t) => ({
        key: t.tool.key,
        name: t.tool.name,
        system: t.tool.system,
        consequence: t.tool.consequence,
        defaultTier: DEFAULT_TIER[t.tool.consequence],
        hasContract: hasArgumentContract(t.tool.argumentSchema),
        ratePerMinute: t.ratePerMinute,
        argumentConstraints: (t.argumentConstraints as Record<string, unknown> | null) ?? null,
        tier: t.tier,
      }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    canEdit: editable > 0,
  };
}
