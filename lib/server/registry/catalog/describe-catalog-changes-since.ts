import "server-only";
import { z } from "zod";
import type { TTx } from "../../db/client";

const MAX_LISTED = 5;
const ZChange = z.object({ before: z.record(z.string(), z.unknown()).nullable(), after: z.record(z.string(), z.unknown()).nullable() });

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  if (value !== null && typeof value === "object") return "a new value";
  return String(value);
}

function phrase(data: unknown): string {
  const parsed = ZChange.safeParse(data);
  if (!parsed.success) return "changed";
  const { before, after } = parsed.data;
  if (!before) return "created";
  if (!after) return "deleted";
  const fields = Object.keys(after).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  const changed = fields.filter((f) => f !== "reason").map((f) => `${f} ${show(before[f])} → ${show(after[f])}`);
  return changed.join(", ") || "changed";
}

/** What the audit log says happened to a catalog entry after `since`, as short sentences, oldest first. */
export async function describeCatalogChangesSince(options: {
  tx: TTx;
  targetType: string;
  targetId: string;
  since: Date;
}): Promise<string[]> {
  const rows = await options.tx.auditEvent.findMany({
    where: { targetType: options.targetType, targetId: options.targetId, occurredAt: { gt: options.since } },
    orderBy: { seq: "asc" },
    take: MAX_LISTED,
    select: { data: true, actorLabel: true, occurredAt: true },
  });
  return rows.map((row) => `${phrase(row.data)} (by ${row.actorLabel} at ${row.occurredAt.toISOString()})`);
}
