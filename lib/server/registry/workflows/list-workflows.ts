import "server-only";
import { ZApprovalTier, ZSensitivity } from "@/lib/contracts/registry-enums";
import { WORKFLOW_PAGE_SIZE, type TWorkflowList, type TWorkflowListQuery } from "@/lib/contracts/workflows";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db, type TTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { haltFilterWhere, listWorkflowsHalts, readEngagedSwitches, type TEngagedSwitch } from "./list-workflows-halts";
import { WORKFLOW_SUMMARY_SELECT, toWorkflowSummary } from "./workflow-view";

const atLeast = <T extends string>(order: readonly T[], floor: T): T[] => order.slice(order.indexOf(floor));

function whereOf(query: TWorkflowListQuery, engaged: readonly TEngagedSwitch[]): Prisma.WorkflowWhereInput[] {
  const where: Prisma.WorkflowWhereInput[] = [];
  if (query.search) {
    where.push({
      OR: [{ key: { contains: query.search, mode: "insensitive" } }, { name: { contains: query.search, mode: "insensitive" } }],
    });
  }
  if (query.status) where.push({ status: query.status });
  if (query.environment) where.push({ environment: query.environment });
  if (query.ownerId) where.push({ ownerId: query.ownerId });
  if (query.maxSensitivity) where.push({ maxSensitivity: { in: atLeast(ZSensitivity.options, query.maxSensitivity) } });
  if (query.maxTier) where.push({ maxTier: { in: atLeast(ZApprovalTier.options, query.maxTier) } });
  if (query.halted !== undefined) where.push(haltFilterWhere(engaged, query.halted));
  return where;
}

/**
 * One page of the workflows `user` may see, filtered and sorted, with the total that matched.
 * Sensitivity and tier filters are "at least" and read the derived columns, not the joins.
 */
export async function listWorkflows(options: { user: TSessionUser; query: TWorkflowListQuery; tx?: TTx }): Promise<TWorkflowList> {
  const { user, query } = options;
  const tx = options.tx ?? db;
  const sort = query.sort ?? "updatedAt";
  const order = query.order ?? (sort === "updatedAt" ? "desc" : "asc");
  const pageSize = query.pageSize ?? WORKFLOW_PAGE_SIZE;
  // Engaged switches are few: one small read serves the filter and every row's halt chip.
  const engaged = await readEngagedSwitches(tx);
  const where: Prisma.WorkflowWhereInput = { AND: [workflowReadWhere(user), ...whereOf(query, engaged)] };
  const fetchPage = (page: number) =>
    tx.workflow.findMany({
      where,
      // The id breaks ties, so a row never shows on two pages or on none.
      orderBy: [{ [sort]: order }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: WORKFLOW_SUMMARY_SELECT,
    });
  const asked = query.page ?? 1;
  const [total, askedRows] = await Promise.all([tx.workflow.count({ where }), fetchPage(asked)]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // Past the end lands on the last page rather than on an empty one.
  const page = Math.min(asked, pageCount);
  const rows = page === asked ? askedRows : await fetchPage(page);
  const halts = await listWorkflowsHalts({ tx, workflows: rows, engaged });
  const items = rows.map((row) => ({ ...toWorkflowSummary(row), halt: halts.get(row.id) ?? null }));
  return { items, total, page, pageSize, pageCount };
}
