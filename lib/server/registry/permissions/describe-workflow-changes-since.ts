import "server-only";
import { ZAuditEvent, type TAuditEvent } from "@/lib/contracts/audit";
import type { TTx } from "../../db/client";

// Enough history to explain a stale edit; older versions are a reload away.
const MAX_SCANNED = 50;
const MAX_LISTED = 5;

function phrase(event: TAuditEvent): { version: number; text: string } | null {
  switch (event.action) {
    case "workflow.permissions.changed": {
      const text = event.data.changes.map((c) => c.text).join(", ");
      return { version: event.data.version, text: event.data.changeRequestId ? `${text} (approved change request)` : text };
    }
    case "workflow.updated":
      return { version: event.data.version, text: `${Object.keys(event.data.changes).join(", ")} edited` };
    case "workflow.raci.changed":
      return { version: event.data.version, text: "RACI changed" };
    default:
      return null;
  }
}

/** What the audit log says produced each workflow version after `sinceVersion`, oldest first. */
export async function describeWorkflowChangesSince(options: { tx: TTx; workflowId: string; sinceVersion: number }): Promise<string[]> {
  const rows = await options.tx.auditEvent.findMany({
    where: { targetType: "workflow", targetId: options.workflowId },
    orderBy: { seq: "desc" },
    take: MAX_SCANNED,
    select: { action: true, data: true, actorLabel: true, occurredAt: true },
  });
  return rows
    .reverse()
    .flatMap((row) => {
      const parsed = ZAuditEvent.safeParse({ action: row.action, data: row.data });
      const described = parsed.success ? phrase(parsed.data) : null;
      if (!described || described.version <= options.sinceVersion) return [];
      return [`version ${described.version}: ${described.text} (by ${row.actorLabel} at ${row.occurredAt.toISOString()})`];
    })
    .slice(-MAX_LISTED);
}
