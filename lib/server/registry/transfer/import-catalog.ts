import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TFieldProblem } from "@/lib/contracts/errors";
import type { TInventory } from "@/lib/contracts/inventory";
import { canonicalJson } from "../../shared/canonical-json";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { TSessionUser } from "../../authz/principal";
import { AppError } from "../../errors";
import { checkGrantsMeetConsequence } from "../catalog/check-grants-meet-consequence";
import { recomputeWorkflowSensitivity } from "../catalog/recompute-workflow-sensitivity";
import { jsonSchemaProblems } from "../../shared/json-schema";

export type TTally = { created: number; updated: number; unchanged: number };
type TContext = { tx: TTx; actor: TAuditActor; user: TSessionUser; problems: TFieldProblem[] };

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Upserts data classes, models and tools by key; problems are collected, not thrown. */
export async function importCatalog(ctx: TContext, inventory: TInventory): Promise<Record<"dataClasses" | "models" | "tools", TTally>> {
  return {
    dataClasses: await importDataClasses(ctx, inventory.dataClasses),
    models: await importModels(ctx, inventory.models),
    tools: await importTools(ctx, inventory.tools),
  };
}

async function importDataClasses({ tx, actor }: TContext, rows: TInventory["dataClasses"]): Promise<TTally> {
  const tally: TTally = { created: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const existing = await tx.dataClass.findUnique({ where: { key: row.key } });
    const before = existing && {
      key: existing.key,
      name: existing.name,
      sensitivity: existing.sensitivity,
      tags: existing.tags,
      retentionDays: existing.retentionDays,
    };
    if (before && same(before, row)) {
      tally.unchanged++;
      continue;
    }
    const saved = await tx.dataClass.upsert({ where: { key: row.key }, create: row, update: row });
    await recordAuditEvent(tx, actor, {
      action: "catalog.data_class.changed",
      target: { type: "data_class", id: saved.id },
      data: { before, after: row },
    });
    if (before && before.sensitivity !== row.sensitivity) await recomputeWorkflowSensitivity({ tx, dataClassId: saved.id });
    tally[before ? "updated" : "created"]++;
  }
  return tally;
}

async function importModels({ tx, actor }: TContext, rows: TInventory["models"]): Promise<TTally> {
  const tally: TTally = { created: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const where = { provider_model_version: { provider: row.provider, model: row.model, version: row.version } };
    const existing = await tx.approvedModel.findUnique({ where });
    const before = existing && {
      provider: existing.provider,
      model: existing.model,
      version: existing.version,
      regions: existing.regions,
      dataRetentionDays: existing.dataRetentionDays,
      trainingOptOut: existing.trainingOptOut,
      loggingPolicy: existing.loggingPolicy,
      maxSensitivity: existing.maxSensitivity,
      status: existing.status,
    };
    if (before && same(before, row)) {
      tally.unchanged++;
      continue;
    }
    const saved = await tx.approvedModel.upsert({ where, create: row, update: row });
    await recordAuditEvent(tx, actor, {
      action: "catalog.model.changed",
      target: { type: "model", id: saved.id },
      data: { before, after: row },
    });
    tally[before ? "updated" : "created"]++;
  }
  return tally;
}

async function importTools({ tx, actor, user, problems }: TContext, rows: TInventory["tools"]): Promise<TTally> {
  const tally: TTally = { created: 0, updated: 0, unchanged: 0 };
  for (const [i, row] of rows.entries()) {
    const schemaProblems = jsonSchemaProblems(row.argumentSchema, `tools.${i}.argumentSchema`);
    problems.push(...schemaProblems);
    const existing = await tx.tool.findUnique({ where: { key: row.key } });
    const before = existing && {
      key: existing.key,
      name: existing.name,
      system: existing.system,
      consequence: existing.consequence,
      argumentSchema: existing.argumentSchema,
    };
    if (before && same(before, row)) {
      tally.unchanged++;
      continue;
    }
    const consequenceProblems =
      existing && before?.consequence !== row.consequence
        ? await grantProblems({ tx, user, toolId: existing.id, row, at: `tools.${i}` })
        : [];
    problems.push(...consequenceProblems);
    if (schemaProblems.length || consequenceProblems.length) continue;
    const data = { ...row, argumentSchema: row.argumentSchema as Prisma.InputJsonObject };
    const saved = await tx.tool.upsert({ where: { key: row.key }, create: data, update: data });
    await recordAuditEvent(tx, actor, {
      action: "catalog.tool.changed",
      target: { type: "tool", id: saved.id },
      data: { before, after: row },
    });
    tally[before ? "updated" : "created"]++;
  }
  return tally;
}

/** The catalog's own consequence check, its refusal reported as a problem at this row instead. */
async function grantProblems(options: {
  tx: TTx;
  user: TSessionUser;
  toolId: string;
  row: TInventory["tools"][number];
  at: string;
}): Promise<TFieldProblem[]> {
  const { tx, user, toolId, row, at } = options;
  try {
    await checkGrantsMeetConsequence({ tx, user, toolId, toolKey: row.key, consequence: row.consequence });
    return [];
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "conflict") throw error;
    return (error.fieldProblems ?? []).map((p) => ({ path: `${at}.consequence`, message: p.message }));
  }
}
