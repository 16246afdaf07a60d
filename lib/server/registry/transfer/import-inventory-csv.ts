import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { ZInventory, type TImportResult, type TInventoryCsvEntity } from "@/lib/contracts/inventory";
import type { TSessionUser } from "../../auth/current-user";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { exportInventory } from "./export-inventory";
import { importInventory } from "./import-inventory";
import { mergeCsvIntoInventory, toCsvProblem } from "./inventory-csv";

const refuse = (count: number, problems: AppError["fieldProblems"]) =>
  new AppError("validation_failed", `The CSV has ${count} problem(s); nothing was changed`, problems);

/** One entity's CSV, merged into the current registry and imported all or nothing. */
export async function importInventoryCsv(options: { tx: TTx; actor: TAuditActor; user: TSessionUser; entity: TInventoryCsvEntity; csv: string }): Promise<TImportResult> {
  const current = await exportInventory({ tx: options.tx, user: options.user });
  const merged = mergeCsvIntoInventory(current, options.entity, options.csv);
  if (merged.problems.length) throw refuse(merged.problems.length, merged.problems);
  const parsed = ZInventory.safeParse(merged.inventory);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => toCsvProblem({ path: i.path.join("."), message: i.message }, merged.rowOf));
    throw refuse(problems.length, problems);
  }
  try {
    return await importInventory({ tx: options.tx, actor: options.actor, inventory: parsed.data, format: "csv" });
  } catch (error) {
    if (!(error instanceof AppError) || !error.fieldProblems) throw error;
    const problems = error.fieldProblems.map((p) => toCsvProblem(p, merged.rowOf));
    throw refuse(problems.length, problems);
  }
}
