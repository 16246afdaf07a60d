import { z } from "zod";
import { ZCatalogKey, ZJsonSchemaObject, ZPermissionSet, ZWorkflowKey } from "./registry";
import { ZConsequence, ZDataTag, ZEnvironment, ZRaciFunction, ZRaciRole, ZSensitivity, ZWorkflowStatus } from "./registry-enums";
import { ZApprovalTimeoutMinutes } from "./workflows";

// The whole registry as one portable document: what export writes and import reads.
export const ZInventoryDataClass = z.object({
  key: ZCatalogKey,
  name: z.string().trim().min(1).max(120),
  sensitivity: ZSensitivity,
  tags: z.array(ZDataTag).default([]),
  retentionDays: z.number().int().min(0).max(36_500),
});

export const ZInventoryModel = z.object({
  provider: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[^/\s]+$/, "No slashes or spaces"),
  model: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[^/\s]+$/, "No slashes or spaces"),
  version: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[^/\s]+$/, "No slashes or spaces"),
  regions: z.array(z.string().trim().min(1)).default([]),
  dataRetentionDays: z.number().int().min(0).max(36_500),
  trainingOptOut: z.boolean(),
  loggingPolicy: z.string().trim().max(500).default(""),
  maxSensitivity: ZSensitivity,
  status: z.enum(["APPROVED", "SUSPENDED"]).default("APPROVED"),
});

export const ZInventoryTool = z.object({
  key: ZCatalogKey,
  name: z.string().trim().min(1).max(120),
  system: z.string().trim().min(1).max(120),
  consequence: ZConsequence,
  argumentSchema: ZJsonSchemaObject,
});

export const ZInventoryWorkflow = z.object({
  key: ZWorkflowKey,
  name: z.string().trim().min(1).max(120),
  purpose: z.string().trim().min(1).max(2_000),
  environment: ZEnvironment,
  status: ZWorkflowStatus.optional(),
  ownerEmail: z.email(),
  runbook: z.string().max(10_000).default(""),
  /** Left out: a new workflow gets the default, an existing one keeps its own. */
  approvalTimeoutMinutes: ZApprovalTimeoutMinutes.optional(),
  raci: z.array(z.object({ email: z.email(), function: ZRaciFunction, role: ZRaciRole })).default([]),
  permissions: ZPermissionSet,
});

export const ZInventory = z.object({
  format: z.literal("tollgate.inventory/v1"),
  dataClasses: z.array(ZInventoryDataClass).default([]),
  models: z.array(ZInventoryModel).default([]),
  tools: z.array(ZInventoryTool).default([]),
  workflows: z.array(ZInventoryWorkflow).default([]),
});
export type TInventory = z.infer<typeof ZInventory>;
export type TInventoryWorkflow = z.infer<typeof ZInventoryWorkflow>;

export const INVENTORY_CSV_ENTITIES = ["data-classes", "models", "tools", "workflows", "raci", "allowlist"] as const;
export const ZInventoryCsvEntity = z.enum(INVENTORY_CSV_ENTITIES);
export type TInventoryCsvEntity = z.infer<typeof ZInventoryCsvEntity>;

export const ZInventoryExportQuery = z.discriminatedUnion("format", [
  z.object({ format: z.literal("json") }),
  z.object({ format: z.literal("csv"), entity: ZInventoryCsvEntity }),
]);

/** One entity's rows as CSV, header first: what `?format=csv` downloads and the CSV import reads. */
export const ZInventoryCsvText = z.string();

export const ZInventoryCsvImport = z.object({
  entity: ZInventoryCsvEntity,
  csv: z
    .string()
    .min(1, "The CSV is empty")
    .max(10 * 1024 * 1024),
});

export const ZImportResult = z.object({
  created: z.record(z.string(), z.number().int()),
  updated: z.record(z.string(), z.number().int()),
  unchanged: z.record(z.string(), z.number().int()),
});
export type TImportResult = z.infer<typeof ZImportResult>;
