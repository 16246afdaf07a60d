import "server-only";
import type { TInventory } from "@/lib/contracts/inventory";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import { readPermissionSet } from "../permission-set/read-permission-set";

/** The registry as one document: catalogs in full, and the workflows this user may see. */
export async function exportInventory(options: { tx: TTx; user: TSessionUser }): Promise<TInventory> {
  const { tx } = options;
  const [dataClasses, models, tools, workflows] = await Promise.all([
    tx.dataClass.findMany({ orderBy: { key: "asc" } }),
    tx.approvedModel.findMany({ orderBy: [{ provider: "asc" }, { model: "asc" }, { version: "asc" }] }),
    tx.tool.findMany({ orderBy: { key: "asc" } }),
    tx.workflow.findMany({
      where: workflowReadWhere(options.user),
      orderBy: { key: "asc" },
      include: { owner: { select: { email: true } }, raci: { include: { user: { select: { email: true } } } } },
    }),
  ]);
  return {
    format: "tollgate.inventory/v1",
    dataClasses: dataClasses.map((d) => ({
      key: d.key,
      name: d.name,
      sensitivity: d.sensitivity,
      tags: d.tags,
      retentionDays: d.retentionDays,
    })),
    models: models.map((m) => ({
      provider: m.provider,
      model: m.model,
      version: m.version,
      regions: m.regions,
      dataRetentionDays: m.dataRetentionDays,
      trainingOptOut: m.trainingOptOut,
      loggingPolicy: m.loggingPolicy,
      maxSensitivity: m.maxSensitivity,
      status: m.status,
    })),
    tools: tools.map((t) => ({
      key: t.key,
      name: t.name,
      system: t.system,
      consequence: t.consequence,
      argumentSchema: t.argumentSchema as Record<string, unknown>,
    })),
    workflows: await Promise.all(
      workflows.map(async (w) => ({
        key: w.key,
        name: w.name,
        purpose: w.purpose,
        environment: w.environment,
        status: w.status,
        ownerEmail: w.owner.email,
        runbook: w.runbook,
        approvalTimeoutMinutes: w.approvalTimeoutMinutes,
        raci: w.raci
          .map((r) => ({ email: r.user.email, function: r.function, role: r.role }))
          .sort((a, b) => `${a.function}${a.email}`.localeCompare(`${b.function}${b.email}`)),
        permissions: await readPermissionSet({ tx, workflowId: w.id }),
      })),
    ),
  };
}
