import "server-only";
import { approvalAuditHref, type TApprovalHistoryPage, type TApprovalHistoryQueryInput } from "@/lib/contracts/approvals-console";
import { db as defaultDb, type TTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { decodeApprovalCursor, encodeApprovalCursor } from "./approval-cursor";

const PERSON = { select: { id: true, name: true, email: true } } as const;
const DECIDED = ["APPROVED", "DENIED", "EXPIRED", "CANCELLED"] as const;
const text = (value: string) => ({ contains: value, mode: "insensitive" }) as const;

/** Decided requests, newest first, searchable; each links to its trail in the audit log. */
export async function listApprovalHistory(options: {
  tx?: TTx;
  query: TApprovalHistoryQueryInput;
  now?: Date;
}): Promise<TApprovalHistoryPage> {
  const { query } = options;
  const tx = options.tx ?? defaultDb;
  const after = query.cursor ? decodeApprovalCursor(query.cursor) : null;
  const where: Prisma.ApprovalRequestWhereInput = {
    AND: [
      { status: query.status ?? { in: [...DECIDED] } },
      query.workflow ? { workflow: { key: query.workflow } } : {},
      query.tool ? { tool: query.tool } : {},
      query.approver ? { votes: { some: { user: { email: text(query.approver) } } } } : {},
      query.q
        ? {
            OR: [
              { workflow: { key: text(query.q) } },
              { workflow: { name: text(query.q) } },
              { tool: text(query.q) },
              { runId: text(query.q) },
              { outcomeReason: text(query.q) },
            ],
          }
        : {},
      after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {},
    ],
  };
  const rows = await tx.approvalRequest.findMany({
    where,
    select: {
      id: true,
      tool: true,
      tier: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      outcomeReason: true,
      breakGlass: true,
      workflow: { select: { id: true, key: true, name: true, environment: true } },
      votes: { select: { user: PERSON, vote: true, breakGlass: true }, orderBy: { createdAt: "asc" } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({
      ...row,
      // Never PENDING (the where keeps only decided ones); this narrows the type.
      status: row.status === "PENDING" ? "EXPIRED" : row.status,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      auditHref: approvalAuditHref(row.id),
    })),
    nextCursor: rows.length > query.limit && last ? encodeApprovalCursor({ at: last.createdAt, id: last.id }) : null,
    asOf: (options.now ?? new Date()).toISOString(),
  };
}
