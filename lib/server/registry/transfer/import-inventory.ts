import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TFieldProblem } from "@/lib/contracts/errors";
import type { TImportResult, TInventory } from "@/lib/contracts/inventory";
import { modelRef } from "@/lib/contracts/registry";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { importCatalog } from "./import-catalog";
import { importWorkflows } from "./import-workflows";

function duplicateProblems(inventory: TInventory): TFieldProblem[] {
  const lists: [string, string[]][] = [
    ["dataClasses", inventory.dataClasses.map((d) => d.key)],
    ["models", inventory.models.map(modelRef)],
    ["tools", inventory.tools.map((t) => t.key)],
    ["workflows", inventory.workflows.map((w) => w.key)],
  ];
  return lists.flatMap(([list, keys]) =>
    keys.flatMap((key, i) =>
      keys.indexOf(key) < i ? [{ path: `${list}.${i}`, message: `"${key}" appears earlier in the file too` }] : [],
    ),
  );
}

/**
 * Applies a whole inventory in the caller's transaction, or nothing: every row is checked, every
 * problem is reported by row and field, and any problem rolls the whole import back.
 */
export async function importInventory(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  inventory: TInventory;
  format: "json" | "csv";
}): Promise<TImportResult> {
  const { tx, actor, inventory } = options;
  const problems = duplicateProblems(inventory);
  if (problems.length)
    throw new AppError("validation_failed", `The import has ${problems.length} problem(s); nothing was changed`, problems);
  const catalog = await importCatalog({ tx, actor, user: options.user, problems }, inventory);
  const workflows = await importWorkflows({ tx, actor, problems }, inventory.workflows);
  if (problems.length)
    throw new AppError("validation_failed", `The import has ${problems.length} problem(s); nothing was changed`, problems);
  const tallies = { ...catalog, workflows };
  const pick = (k: "created" | "updated" | "unchanged") => Object.fromEntries(Object.entries(tallies).map(([name, t]) => [name, t[k]]));
  const result = { created: pick("created"), updated: pick("updated"), unchanged: pick("unchanged") };
  const counts = Object.fromEntries(Object.entries(tallies).map(([name, t]) => [name, t.created + t.updated]));
  await recordAuditEvent(tx, actor, { action: "registry.imported", data: { format: options.format, counts } });
  return result;
}
