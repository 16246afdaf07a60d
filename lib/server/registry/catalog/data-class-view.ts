import "server-only";
import type { TDataClassView } from "@/lib/contracts/catalog";
import type { Prisma } from "../../db/generated/client";

type TSensitivity = TDataClassView["sensitivity"];
type TTag = TDataClassView["tags"][number];

/** The columns a data class view needs; the usage count covers only workflows in `scope`. */
export const dataClassSelect = (scope: Prisma.WorkflowWhereInput) =>
  ({
    id: true,
    key: true,
    name: true,
    sensitivity: true,
    tags: true,
    retentionDays: true,
    createdAt: true,
    updatedAt: true,
    _count: { select: { workflows: { where: { workflow: scope } } } },
  }) as const;

export type TDataClassRow = {
  id: string;
  key: string;
  name: string;
  sensitivity: TSensitivity;
  tags: TTag[];
  retentionDays: number;
  createdAt: Date;
  updatedAt: Date;
  _count: { workflows: number };
};

export function toDataClassView(row: TDataClassRow): TDataClassView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    sensitivity: row.sensitivity,
    tags: row.tags,
    retentionDays: row.retentionDays,
    workflowCount: row._count.workflows,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log records of a data class, before and after a change. */
export const dataClassRecord = (row: { key: string; name: string; sensitivity: TSensitivity; tags: TTag[]; retentionDays: number }) => ({
  key: row.key,
  name: row.name,
  sensitivity: row.sensitivity,
  tags: row.tags,
  retentionDays: row.retentionDays,
});
