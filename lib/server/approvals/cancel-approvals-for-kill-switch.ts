import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TKillSwitchScope } from "@/lib/contracts/killswitch";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { announceApprovals } from "./announce-approvals";

function covers(scope: TKillSwitchScope, target: string): Prisma.Sql {
  switch (scope) {
    case "GLOBAL":
      return Prisma.sql`TRUE`;
    case "WORKFLOW":
      return Prisma.sql`w.key = ${target}`;
    case "TOOL":
      return Prisma.sql`a.tool = ${target}`;
    case "MODEL":
      return Prisma.sql`a.model = ${target}`;
    case "PROVIDER":
      return Prisma.sql`starts_with(a.model, ${`${target}/`})`;
  }
}

/**
 * A halt cancels the pending requests it covers, in the kill switch's own transaction: nobody
 * approves a call that could not run anyway. Returns how many were cancelled.
 */
export async function cancelApprovalsForKillSwitch(
  tx: TTx,
  actor: TAuditActor,
  killSwitch: { scope: TKillSwitchScope; target: string; reason: string },
  now: Date = new Date(),
): Promise<number> {
  const reason = `Cancelled by the ${killSwitch.scope} kill switch${killSwitch.scope === "GLOBAL" ? "" : ` on ${killSwitch.target}`}: ${killSwitch.reason}`;
  const cancelled = await tx.$queryRaw<{ id: string }[]>`
    UPDATE approval_requests a
       SET status = 'CANCELLED', decided_at = ${now}, outcome_reason = ${reason}
      FROM workflows w
     WHERE w.id = a.workflow_id AND a.status = 'PENDING' AND a.expires_at > ${now} AND ${covers(killSwitch.scope, killSwitch.target)}
    RETURNING a.id::text AS id`;
  const ids = cancelled.map((row) => row.id);
  for (const id of ids)
    await recordAuditEvent(tx, actor, { action: "approval.cancelled", target: { type: "approval", id }, data: { reason } });
  await announceApprovals(tx, "approval.decided", ids);
  return ids.length;
}
