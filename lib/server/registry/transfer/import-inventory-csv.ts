import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { ZInventory, type TImportResult, type TInventory, type TInventoryCsvEntity } from "@/lib/contracts/inventory";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { exportInventory } from "./export-inventory";
import { importInventory } from "./import-inventory";
import { mergeCsvIntoInventory, toCsvProblem, type TCsvMerge } from "./inventory-csv";

const refuse = (count: number, problems: AppError["fieldProblems"]) =>
  new AppError("validation_failed", `The CSV has ${count} problem(s); nothing was changed`, problems);

const LISTS = ["dataClasses", "models", "tools", "workflows"] as const;

/**
 * Only the entries the CSV's rows produced. Re-importing the rest from the snapshot read above
 * would silently undo whatever changed since (a lost update), so the rest is left alone.
 */
function onlyCsvRows(merged: TCsvMerge): TCsvMerge {
  const inventory: TInventory = { ...merged.inventory, dataClasses: [], models: [], tools: [], workflows: [] };
  const rowOf = new Map<string, number>();
  for (const list of LISTS) {
    (merged.inventory[list] as unknown[]).forEach((item, i) => {
      const from = `${list}.${i}`;
      if (!merged.rowOf.has(from)) return;
      const to = `${list}.${(inventory[list] as unknown[]).push(item) - 1}`;
      for (const [path, row] of merged.rowOf)
        if (path === from || path.startsWith(`${from}.`)) rowOf.set(to + path.slice(from.length), row);
    });
  }
  return { inventory, problems: merged.problems, rowOf };
}

/** One entity's CSV, merged into the current registry and imported all or nothing. */
export async function importInventoryCsv(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  entity: TInventoryCsvEntity;
  csv: string;
}): Promise<TImportResult> {
  const current = await exportInventory({ tx: options.tx, user: options.user });
  const merged = onlyCsvRows(mergeCsvIntoInventory(current, options.entity, options.csv));
  if (merged.problems.length) throw refuse(merged.problems.length, merged.problems);
  const parsed = ZInventory.safeParse(merged.inventory);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => toCsvProblem({ path: i.path.join("."), message: i.message }, merged.rowOf));
    throw refuse(problems.length, problems);
  }
  try {
    return await importInventory({ tx: options.tx, actor: options.actor, user: options.user, inventory: parsed.data, format: "csv" });
  } catch (error) {
    if (!(error instanceof AppError) || !error.fieldProblems) throw error;
    const problems = error.fieldProblems.map((p) => toCsvProblem(p, merged.rowOf));
    throw refuse(problems.length, problems);
  }
}
