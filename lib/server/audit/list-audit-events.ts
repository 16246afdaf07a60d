import "server-only";
import type { TAuditEventPage, TAuditEventsQueryInput, TAuditEventView } from "@/lib/contracts/audit";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

type TRow = Awaited<ReturnType<typeof db.auditEvent.findMany>>[number];

const toView = (row: TRow): TAuditEventView => ({
  seq: row.seq.toString(),
  occurredAt: row.occurredAt.toISOString(),
  actorType: row.actorType,
  actorId: row.actorId,
  actorLabel: row.actorLabel,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  data: row.data,
  requestId: row.requestId,
  hash: row.hash,
});

function whereOf(query: TAuditEventsQueryInput): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (query.cursor) where.push({ seq: { lt: BigInt(query.cursor) } });
  if (query.action) where.push(query.action.endsWith(".") ? { action: { startsWith: query.action } } : { action: query.action });
  if (query.actor) where.push({ OR: [{ actorId: query.actor }, { actorLabel: { equals: query.actor, mode: "insensitive" } }] });
  if (query.target) {
    const split = query.target.indexOf(":");
    where.push(
      split > 0 ? { targetType: query.target.slice(0, split), targetId: query.target.slice(split + 1) } : { targetId: query.target },
    );
  }
  return { AND: where };
}

/** One page of the audit log, newest first; `nextCursor` fetches the page after it. */
export async function listAuditEvents(options: { query: TAuditEventsQueryInput }): Promise<TAuditEventPage> {
  const { query } = options;
  // One extra row says whether another page exists without a count over the whole log.
  const rows = await db.auditEvent.findMany({ where: whereOf(query), orderBy: { seq: "desc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { events: page.map(toView), nextCursor: rows.length > query.limit && last ? last.seq.toString() : null };
}
