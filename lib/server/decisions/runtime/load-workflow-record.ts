import "server-only";
import type { TTx } from "../../db/client";
import type { TWorkflowRegistryRecord } from "../types";

export type TPolicyText = { key: string; version: number; text: string };

export async function loadEnabledPolicies(db: TTx): Promise<TPolicyText[]> {
  return db.policy.findMany({ where: { enabled: true }, select: { key: true, version: true, text: true }, orderBy: { key: "asc" } });
}

/** One workflow's registry rows as the engine compiles them; null when there is no such workflow. */
export async function loadWorkflowRecord(
  db: TTx,
  workflowId: string,
  policies: readonly TPolicyText[],
): Promise<TWorkflowRegistryRecord | null> {
  const workflow = await db.workflow.findUnique({
    where: { id: workflowId },
    select: {
      id: true,
      key: true,
      status: true,
      environment: true,
      version: true,
      dataClasses: { select: { dataClass: { select: { key: true, sensitivity: true, tags: true } } } },
      models: { select: { model: { select: { provider: true, model: true, version: true, status: true, maxSensitivity: true } } } },
      tools: {
        select: {
          ratePerMinute: true,
          argumentConstraints: true,
          tier: true,
          tool: { select: { key: true, consequence: true, argumentSchema: true } },
        },
      },
    },
  });
  if (!workflow) return null;
  return {
    id: workflow.id,
    key: workflow.key,
    status: workflow.status,
    environment: workflow.environment,
    version: workflow.version,
    dataClasses: workflow.dataClasses.map((row) => row.dataClass),
    models: workflow.models.map((row) => row.model),
    tools: workflow.tools.map((row) => ({
      key: row.tool.key,
      consequence: row.tool.consequence,
      argumentSchema: row.tool.argumentSchema,
      argumentConstraints: row.argumentConstraints,
      ratePerMinute: row.ratePerMinute,
      tier: row.tier,
    })),
    policies,
  };
}

export async function readRegistryRevision(db: TTx): Promise<string> {
  const rows = await db.$queryRaw<{ revision: bigint }[]>`SELECT last_value AS revision FROM registry_revision`;
  return String(rows[0]?.revision ?? 0n);
}
