import "server-only";
import type { TCatalogWorkflowRef } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

const REF_SELECT = { id: true, key: true, name: true, status: true, environment: true } as const;

/**
 * Workflows matching `where` that `user` may see, by key, and how many match in all: a refusal
 * can say how many block it without showing an OWNER anyone else's workflow.
 */
export async function findCatalogWorkflows(options: {
  tx: TTx;
  user: TSessionUser;
  where: Prisma.WorkflowWhereInput;
  take?: number;
}): Promise<{ items: TCatalogWorkflowRef[]; total: number }> {
  const { tx, user, where } = options;
  const [items, total] = await Promise.all([
    tx.workflow.findMany({
      where: { AND: [where, workflowReadWhere(user)] },
      select: REF_SELECT,
      orderBy: { key: "asc" },
      take: options.take ?? 500,
    }),
    tx.workflow.count({ where }),
  ]);
  return { items, total };
}

/** "a, b, c and 4 more" */
export function listWorkflowKeys(found: { items: readonly { key: string }[]; total: number }, max = 10): string {
  const shown = found.items.slice(0, max).map((w) => w.key);
  const more = found.total - shown.length;
  if (!shown.length) return `${found.total} workflow${found.total === 1 ? "" : "s"}`;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}
