import "server-only";
import type { TToolView } from "@/lib/contracts/catalog";
import { DEFAULT_TIER } from "@/lib/contracts/registry-enums";
import type { Prisma } from "../../db/generated/client";

/** The columns a tool view needs; the usage count covers only workflows in `scope`. */
export const toolSelect = (scope: Prisma.WorkflowWhereInput) =>
  ({
    id: true,
    key: true,
    name: true,
    system: true,
    consequence: true,
    argumentSchema: true,
    createdAt: true,
    updatedAt: true,
    _count: { select: { allowlisted: { where: { workflow: scope } } } },
  }) as const;

type TToolFields = { key: string; name: string; system: string; consequence: TToolView["consequence"]; argumentSchema: unknown };
export type TToolRow = TToolFields & { id: string; createdAt: Date; updatedAt: Date; _count: { allowlisted: number } };

const schemaOf = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export function toToolView(row: TToolRow): TToolView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    system: row.system,
    consequence: row.consequence,
    defaultTier: DEFAULT_TIER[row.consequence],
    argumentSchema: schemaOf(row.argumentSchema),
    workflowCount: row._count.allowlisted,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log records of a tool, before and after a change. */
export const toolRecord = (row: TToolFields) => ({
  key: row.key,
  name: row.name,
  system: row.system,
  consequence: row.consequence,
  argumentSchema: schemaOf(row.argumentSchema),
});
