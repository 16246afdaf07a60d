import "server-only";
import type { TPermissionChoices } from "@/lib/contracts/changes";
import { modelRef } from "@/lib/contracts/registry";
import { DEFAULT_TIER } from "@/lib/contracts/registry-enums";
import { db, type TTx } from "../../db/client";

/** The catalogs the permissions editor chooses from, in the order people look for them. */
export async function listPermissionChoices(options: { tx?: TTx } = {}): Promise<TPermissionChoices> {
  const tx = options.tx ?? db;
  const [dataClasses, models, tools] = await Promise.all([
    tx.dataClass.findMany({ select: { key: true, name: true, sensitivity: true }, orderBy: { key: "asc" } }),
    tx.approvedModel.findMany({
      select: { provider: true, model: true, version: true, status: true, maxSensitivity: true },
      orderBy: [{ provider: "asc" }, { model: "asc" }, { version: "asc" }],
    }),
    tx.tool.findMany({ select: { key: true, name: true, system: true, consequence: true }, orderBy: { key: "asc" } }),
  ]);
  return {
    dataClasses,
    models: models.map((m) => ({ ref: modelRef(m), status: m.status, maxSensitivity: m.maxSensitivity })),
    tools: tools.map((t) => ({ ...t, defaultTier: DEFAULT_TIER[t.consequence] })),
  };
}
