import "server-only";
import type { TApprovalQueuePage, TApprovalQueueQueryInput } from "@/lib/contracts/approvals-console";
import type { TRole } from "@/lib/contracts/roles";
import { db as defaultDb, type TTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { decodeApprovalCursor, encodeApprovalCursor } from "./approval-cursor";
import { approvalQueueWhere } from "./approval-queue-where";
import { decidesBeforeEscalation } from "./approval-voter-rights";

const QUEUE_SELECT = {
  id: true,
  tool: true,
  consequence: true,
  tier: true,
  model: true,
  runId: true,
  approvalsRequired: true,
  createdAt: true,
  escalateAt: true,
  escalatedAt: true,
  expiresAt: true,
  workflow: { select: { id: true, key: true, name: true, environment: true } },
  // Read for the page's rows only (a second query by approval id). A `_count` here joins an
  // aggregate of every approval ever cast, so the page would slow down as the history grows.
  votes: { where: { vote: "APPROVE" }, select: { userId: true } },
} satisfies Prisma.ApprovalRequestSelect;

/** The signed-in person's queue: what they may decide, soonest deadline first, a page at a time. */
export async function listApprovalQueue(options: {
  tx?: TTx;
  user: { id: string; roles: readonly TRole[] };
  query: TApprovalQueueQueryInput;
  now?: Date;
}): Promise<TApprovalQueuePage> {
  const { user, query } = options;
  const tx = options.tx ?? defaultDb;
  const now = options.now ?? new Date();
  const where: Prisma.ApprovalRequestWhereInput = {
    AND: [
      approvalQueueWhere(user, now),
      query.tier ? { tier: query.tier } : {},
      query.tool ? { tool: query.tool } : {},
      query.workflow || query.environment ? { workflow: { key: query.workflow, environment: query.environment } } : {},
    ],
  };
  const after = query.cursor ? decodeApprovalCursor(query.cursor) : null;
  const page = after ? { OR: [{ expiresAt: { gt: after.at } }, { expiresAt: after.at, id: { gt: after.id } }] } : {};
  const [rows, total] = await Promise.all([
    tx.approvalRequest.findMany({
      where: { AND: [where, page] },
      select: QUEUE_SELECT,
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: query.limit + 1,
    }),
    tx.approvalRequest.count({ where }),
  ]);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const decidesAnytime = decidesBeforeEscalation(user.roles);
  return {
    items: items.map(({ votes, ...row }) => ({
      ...row,
      approvals: votes.length,
      createdAt: row.createdAt.toISOString(),
      escalateAt: row.escalateAt.toISOString(),
      escalatedAt: row.escalatedAt?.toISOString() ?? null,
      expiresAt: row.expiresAt.toISOString(),
      canVote: decidesAnytime || row.escalatedAt !== null,
    })),
    total,
    nextCursor: more && last ? encodeApprovalCursor({ at: last.expiresAt, id: last.id }) : null,
    asOf: now.toISOString(),
  };
}
