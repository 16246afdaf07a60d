import "server-only";
import { modelRef } from "@/lib/contracts/registry";
import type { TModelView } from "@/lib/contracts/catalog";
import type { Prisma } from "../../db/generated/client";

/** The columns a model view needs; the usage count covers only workflows in `scope`. */
export const modelSelect = (scope: Prisma.WorkflowWhereInput) =>
  ({
    id: true,
    provider: true,
    model: true,
    version: true,
    regions: true,
    dataRetentionDays: true,
    trainingOptOut: true,
    loggingPolicy: true,
    maxSensitivity: true,
    status: true,
    createdAt: true,
    updatedAt: true,
    _count: { select: { workflows: { where: { workflow: scope } } } },
  }) as const;

type TModelFields = Omit<TModelView, "id" | "ref" | "workflowCount" | "createdAt" | "updatedAt">;
export type TModelRow = TModelFields & { id: string; createdAt: Date; updatedAt: Date; _count: { workflows: number } };

export function toModelView(row: TModelRow): TModelView {
  return {
    id: row.id,
    provider: row.provider,
    model: row.model,
    version: row.version,
    ref: modelRef(row),
    regions: row.regions,
    dataRetentionDays: row.dataRetentionDays,
    trainingOptOut: row.trainingOptOut,
    loggingPolicy: row.loggingPolicy,
    maxSensitivity: row.maxSensitivity,
    status: row.status,
    workflowCount: row._count.workflows,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log records of a model, before and after a change. */
export const modelRecord = (row: TModelFields) => ({
  provider: row.provider,
  model: row.model,
  version: row.version,
  regions: row.regions,
  dataRetentionDays: row.dataRetentionDays,
  trainingOptOut: row.trainingOptOut,
  loggingPolicy: row.loggingPolicy,
  maxSensitivity: row.maxSensitivity,
  status: row.status,
});
