import "server-only";
import { ZAuditEvent, type TAuditEvent } from "@/lib/contracts/audit";
import type { TTx } from "../db/client";

const MAX_LISTED = 5;

const list = (values: readonly string[]) => (values.length ? values.join(", ") : "none");

function phrase(event: TAuditEvent): string {
  switch (event.action) {
    case "user.updated": {
      const { name, roles, disabled } = event.data.changes;
      return [
        name && `name "${name.before}" → "${name.after}"`,
        roles && `roles ${list(roles.before)} → ${list(roles.after)}`,
        disabled && (disabled.after ? "disabled" : "re-enabled"),
      ]
        .filter(Boolean)
        .join(", ");
    }
    case "user.roles.changed":
      return `roles ${list(event.data.before)} → ${list(event.data.after)}`;
    case "user.disabled.changed":
      return event.data.after ? "disabled" : "re-enabled";
    case "user.unlocked":
      return "unlocked";
    case "auth.sign_in.succeeded":
      return "signed in";
    case "auth.sign_in.failed":
      return "failed to sign in";
    case "auth.account.locked":
      return "locked after failed sign-ins";
    case "auth.sign_in.throttled":
      return "sign-ins paused after failures";
    case "auth.sessions.ended":
      return `${event.data.sessions} session${event.data.sessions === 1 ? "" : "s"} ended (${event.data.reason.replace("_", " ")})`;
    default:
      return event.action;
  }
}

/** What the audit log says happened to a user after `since`, as short sentences, oldest first. */
export async function describeUserChangesSince(options: { tx: TTx; userId: string; since: Date }): Promise<string[]> {
  const rows = await options.tx.auditEvent.findMany({
    where: { targetType: "user", targetId: options.userId, occurredAt: { gt: options.since } },
    orderBy: { seq: "asc" },
    take: MAX_LISTED,
    select: { action: true, data: true, actorLabel: true, occurredAt: true },
  });
  return rows.map((row) => {
    const parsed = ZAuditEvent.safeParse({ action: row.action, data: row.data });
    const what = parsed.success ? phrase(parsed.data) : row.action;
    return `${what} (by ${row.actorLabel} at ${row.occurredAt.toISOString()})`;
  });
}
