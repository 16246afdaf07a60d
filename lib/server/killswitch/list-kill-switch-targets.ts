import "server-only";
import type { TKillSwitchTargets } from "@/lib/contracts/killswitch";
import { hasPermission } from "@/lib/contracts/permissions";
import { modelRef } from "@/lib/contracts/registry";
import type { TSessionUser } from "../authz/principal";
import { db, type TTx } from "../db/client";
import { killSwitchEngageWhere, mayHaltAnything } from "./engage-scope";

const NOTHING: TKillSwitchTargets = { scopes: [], workflows: [], tools: [], models: [], providers: [] };

/** What the engage form offers `user`: the scopes they may halt, and the registry's targets for each. */
export async function listKillSwitchTargets(options: { tx?: TTx; user: TSessionUser }): Promise<TKillSwitchTargets> {
  const { user } = options;
  const tx = options.tx ?? db;
  if (!hasPermission(user.roles, "killswitch:engage")) return NOTHING;
  const workflows = await tx.workflow.findMany({
    where: killSwitchEngageWhere(user),
    select: { key: true, name: true, status: true },
    orderBy: { key: "asc" },
  });
  if (!mayHaltAnything(user)) return { ...NOTHING, scopes: ["WORKFLOW"], workflows };
  const tools = await tx.tool.findMany({ select: { key: true, name: true }, orderBy: { key: "asc" } });
  const models = await tx.approvedModel.findMany({
    select: { provider: true, model: true, version: true, status: true },
    orderBy: [{ provider: "asc" }, { model: "asc" }, { version: "asc" }],
  });
  return {
    scopes: ["GLOBAL", "WORKFLOW", "TOOL", "MODEL", "PROVIDER"],
    workflows,
    tools,
    models: models.map((m) => ({ ref: modelRef(m), status: m.status })),
    providers: [...new Set(models.map((m) => m.provider))],
  };
}
