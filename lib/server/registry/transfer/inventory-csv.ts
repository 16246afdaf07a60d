import "server-only";
import Papa from "papaparse";
import type { TFieldProblem } from "@/lib/contracts/errors";
import type { TInventory, TInventoryCsvEntity } from "@/lib/contracts/inventory";
import { modelRef } from "@/lib/contracts/registry";

// One CSV per entity, in spreadsheet-friendly columns: lists joined with ";", JSON in cells.
export const CSV_COLUMNS: Record<TInventoryCsvEntity, string[]> = {
  "data-classes": ["key", "name", "sensitivity", "tags", "retention_days"],
  models: [
    "provider",
    "model",
    "version",
    "regions",
    "data_retention_days",
    "training_opt_out",
    "logging_policy",
    "max_sensitivity",
    "status",
  ],
  tools: ["key", "name", "system", "consequence", "argument_schema"],
  workflows: ["key", "name", "purpose", "environment", "status", "owner_email", "runbook", "data_classes", "models"],
  raci: ["workflow_key", "email", "function", "role"],
  allowlist: ["workflow_key", "tool_key", "rate_per_minute", "argument_constraints", "tier"],
};

const list = (values: string[]) => values.join(";");
const json = (value: unknown) => (value == null ? "" : JSON.stringify(value));

export function inventoryToCsv(inventory: TInventory, entity: TInventoryCsvEntity): string {
  const rows: Record<TInventoryCsvEntity, () => unknown[][]> = {
    "data-classes": () => inventory.dataClasses.map((d) => [d.key, d.name, d.sensitivity, list(d.tags), d.retentionDays]),
    models: () =>
      inventory.models.map((m) => [
        m.provider,
        m.model,
        m.version,
        list(m.regions),
        m.dataRetentionDays,
        m.trainingOptOut,
        m.loggingPolicy,
        m.maxSensitivity,
        m.status,
      ]),
    tools: () => inventory.tools.map((t) => [t.key, t.name, t.system, t.consequence, json(t.argumentSchema)]),
    workflows: () =>
      inventory.workflows.map((w) => [
        w.key,
        w.name,
        w.purpose,
        w.environment,
        w.status ?? "",
        w.ownerEmail,
        w.runbook,
        list(w.permissions.dataClassKeys),
        list(w.permissions.modelRefs),
      ]),
    raci: () => inventory.workflows.flatMap((w) => w.raci.map((r) => [w.key, r.email, r.function, r.role])),
    allowlist: () =>
      inventory.workflows.flatMap((w) =>
        w.permissions.tools.map((t) => [w.key, t.toolKey, t.ratePerMinute ?? "", json(t.argumentConstraints), t.tier]),
      ),
  };
  return Papa.unparse({ fields: CSV_COLUMNS[entity], data: rows[entity]() }, { newline: "\n" });
}

export type TCsvMerge = { inventory: TInventory; problems: TFieldProblem[]; rowOf: Map<string, number> };

const split = (cell: string | undefined) =>
  (cell ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
const int = (cell: string | undefined) => (cell?.trim() ? Number(cell) : null);

/**
 * Folds one entity's CSV into the current inventory, remembering which CSV row produced which
 * part of it so problems found later can be reported by row and column.
 */
export function mergeCsvIntoInventory(current: TInventory, entity: TInventoryCsvEntity, text: string): TCsvMerge {
  const inventory: TInventory = structuredClone(current);
  const problems: TFieldProblem[] = [];
  const rowOf = new Map<string, number>();
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });
  const missing = CSV_COLUMNS[entity].filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) return { inventory, problems: [{ path: "row 1", message: `Missing column(s): ${missing.join(", ")}` }], rowOf };
  for (const error of parsed.errors) problems.push({ path: `row ${(error.row ?? 0) + 2}`, message: error.message });

  const cellJson = (cell: string | undefined, at: string): unknown => {
    if (!cell?.trim()) return null;
    try {
      return JSON.parse(cell);
    } catch {
      problems.push({ path: at, message: "Not valid JSON" });
      return null;
    }
  };
  const upsert = <T>(
    listName: "dataClasses" | "models" | "tools" | "workflows",
    items: T[],
    key: (t: T) => string,
    item: T,
    row: number,
  ) => {
    const index = items.findIndex((x) => key(x) === key(item));
    const at = index === -1 ? items.push(item) - 1 : index;
    if (index !== -1) items[at] = item;
    rowOf.set(`${listName}.${at}`, row);
  };
  const grouped = new Map<string, { row: number; cells: Record<string, string> }[]>();

  parsed.data.forEach((cells, i) => {
    const row = i + 2;
    if (entity === "data-classes") {
      upsert(
        "dataClasses",
        inventory.dataClasses,
        (d) => d.key,
        {
          key: cells.key ?? "",
          name: cells.name ?? "",
          sensitivity: cells.sensitivity as never,
          tags: split(cells.tags) as never,
          retentionDays: int(cells.retention_days) as never,
        },
        row,
      );
    } else if (entity === "models") {
      upsert(
        "models",
        inventory.models,
        modelRef,
        {
          provider: cells.provider ?? "",
          model: cells.model ?? "",
          version: cells.version ?? "",
          regions: split(cells.regions),
          dataRetentionDays: int(cells.data_retention_days) as never,
          trainingOptOut: (cells.training_opt_out === "true") as boolean,
          loggingPolicy: cells.logging_policy ?? "",
          maxSensitivity: cells.max_sensitivity as never,
          status: (cells.status || "APPROVED") as never,
        },
        row,
      );
    } else if (entity === "tools") {
      upsert(
        "tools",
        inventory.tools,
        (t) => t.key,
        {
          key: cells.key ?? "",
          name: cells.name ?? "",
          system: cells.system ?? "",
          consequence: cells.consequence as never,
          argumentSchema: cellJson(cells.argument_schema, `row ${row}.argument_schema`) as never,
        },
        row,
      );
    } else if (entity === "workflows") {
      const old = inventory.workflows.find((w) => w.key === cells.key);
      upsert(
        "workflows",
        inventory.workflows,
        (w) => w.key,
        {
          key: cells.key ?? "",
          name: cells.name ?? "",
          purpose: cells.purpose ?? "",
          environment: cells.environment as never,
          ownerEmail: cells.owner_email ?? "",
          runbook: cells.runbook ?? "",
          raci: old?.raci ?? [],
          permissions: { dataClassKeys: split(cells.data_classes), modelRefs: split(cells.models), tools: old?.permissions.tools ?? [] },
        },
        row,
      );
    } else {
      const key = cells.workflow_key ?? "";
      grouped.set(key, [...(grouped.get(key) ?? []), { row, cells }]);
    }
  });

  for (const [key, rows] of grouped) {
    const wi = inventory.workflows.findIndex((w) => w.key === key);
    const workflow = inventory.workflows[wi];
    if (!workflow) {
      for (const { row } of rows) problems.push({ path: `row ${row}.workflow_key`, message: `No workflow has the key "${key}"` });
      continue;
    }
    rowOf.set(`workflows.${wi}`, rows[0]?.row ?? 0);
    if (entity === "raci") {
      workflow.raci = rows.map(({ row, cells }, j) => {
        rowOf.set(`workflows.${wi}.raci.${j}`, row);
        return { email: cells.email ?? "", function: cells.function as never, role: cells.role as never };
      });
    } else {
      workflow.permissions.tools = rows.map(({ row, cells }, j) => {
        rowOf.set(`workflows.${wi}.permissions.tools.${j}`, row);
        return {
          toolKey: cells.tool_key ?? "",
          ratePerMinute: int(cells.rate_per_minute),
          argumentConstraints: cellJson(cells.argument_constraints, `row ${row}.argument_constraints`) as never,
          tier: cells.tier as never,
        };
      });
    }
  }
  return { inventory, problems, rowOf };
}

const COLUMN_OF: Record<string, string> = { dataClassKeys: "data_classes", modelRefs: "models", ownerEmail: "owner_email" };
const snake = (name: string) => COLUMN_OF[name] ?? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Turns a problem at an inventory path into one at the CSV row (and column) that caused it. */
export function toCsvProblem(problem: TFieldProblem, rowOf: Map<string, number>): TFieldProblem {
  const parts = problem.path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const row = rowOf.get(parts.slice(0, n).join("."));
    if (row === undefined) continue;
    const field = parts.slice(n).find((p) => !/^\d+$/.test(p) && p !== "permissions");
    return { path: field ? `row ${row}.${snake(field)}` : `row ${row}`, message: problem.message };
  }
  return problem;
}
