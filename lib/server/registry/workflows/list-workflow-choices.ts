import "server-only";
import { DEFAULT_TIER } from "@/lib/contracts/registry-enums";
import { modelRef } from "@/lib/contracts/registry";
import type { TWorkflowChoices } from "@/lib/contracts/workflows";
import { db, type TTx } from "../../db/client";
import { hasArgumentContract } from "./workflow-view";

/**
 * What the registration wizard and RACI editor offer: enabled people and the catalogs' data
 * classes, models and tools. Read on the server, so owners need no catalog or user permissions.
 */
export async function listWorkflowChoices(options: { tx?: TTx } = {}): Promise<TWorkflowChoices> {
  const tx = options.tx ?? db;
  const [people, dataClasses, models, tools] = await Promise.all([
    tx.user.findMany({ where: { disabled: false }, select: { id: true, name: true, email: true, roles: true }, orderBy: { name: "asc" } }),
    tx.dataClass.findMany({ select: { key: true, name: true, sensitivity: true, tags: true }, orderBy: { key: "asc" } }),
    tx.approvedModel.findMany({
      select: { provider: true, model: true, version: true, status: true, maxSensitivity: true },
      orderBy: [{ provider: "asc" }, { model: "asc" }, { version: "asc" }],
    }),
    tx.tool.findMany({ select: { key: true, name: true, system: true, consequence: true, argumentSchema: true }, orderBy: { key: "asc" } }),
  ]);
  return {
    people,
    dataClasses,
    models: models.map((m) => ({ ref: modelRef(m), ...m })),
    tools: tools.map(({ argumentSchema, ...t }) => ({
      ...t,
      defaultTier: DEFAULT_TIER[t.consequence],
      hasContract: hasArgumentContract(argumentSchema),
    })),
  };
}
