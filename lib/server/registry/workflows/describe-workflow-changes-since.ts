import "server-only";
import { ZAuditEvent, type TAuditEvent } from "@/lib/contracts/audit";
import type { TTx } from "../../db/client";

const MAX_LISTED = 5;
// Every action that produces a new workflow version records exactly one of these events.
const VERSIONING_ACTIONS = [
  "workflow.updated",
  "workflow.raci.changed",
  "workflow.permissions.changed",
  "workflow.status.changed",
  "workflow.slo.changed",
];

const show = (value: unknown) => {
  if (value && typeof value === "object" && "email" in value) return String(value.email);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
};

function phrase(event: TAuditEvent): string {
  switch (event.action) {
    case "workflow.updated":
      return Object.entries(event.data.changes)
        .map(([field, change]) => `${field} ${show(change.before)} → ${show(change.after)}`)
        .join(", ");
    case "workflow.raci.changed":
      return `RACI changed (${event.data.before.length} → ${event.data.after.length} assignments)`;
    case "workflow.permissions.changed":
      return event.data.changes.map((c) => c.text).join(", ") || "permissions changed";
    case "workflow.status.changed":
      return `status ${event.data.before} → ${event.data.after}`;
    case "workflow.slo.changed":
      return `SLO targets ${show(event.data.before ?? "defaults")} → ${show(event.data.after)}`;
    default:
      return event.action;
  }
}

/**
 * What the audit log says happened to a workflow after version `since`, oldest first, as short
 * sentences: the newest `current - since` versioning events are exactly those changes.
 */
export async function describeWorkflowChangesSince(options: {
  tx: TTx;
  workflowId: string;
  since: number;
  current: number;
}): Promise<string[]> {
  const count = options.current - options.since;
  if (count <= 0) return [];
  const rows = await options.tx.auditEvent.findMany({
    where: { targetType: "workflow", targetId: options.workflowId, action: { in: VERSIONING_ACTIONS } },
    orderBy: { seq: "desc" },
    take: count,
    select: { action: true, data: true, actorLabel: true, occurredAt: true },
  });
  const lines = rows.reverse().map((row) => {
    const parsed = ZAuditEvent.safeParse({ action: row.action, data: row.data });
    const what = parsed.success ? phrase(parsed.data) : row.action;
    return `${what} (by ${row.actorLabel} at ${row.occurredAt.toISOString()})`;
  });
  return lines.length > MAX_LISTED ? [`${lines.length - MAX_LISTED} earlier changes`, ...lines.slice(-MAX_LISTED)] : lines;
}
