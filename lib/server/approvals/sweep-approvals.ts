import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { recordAuditEvent } from "../audit/record-audit-event";
import { runAudited } from "../audit/run-audited";
import type { TDb, TTx } from "../db/client";
import { announceApprovals } from "./announce-approvals";
import { EXPIRY_REASON } from "./approval-state-view";

const SWEEPER: TAuditActor = { type: "system", id: null, label: "approval sweeper", requestId: null };
const BATCH = 200;

type TSwept = { id: string; expiresAt: Date };

/**
 * Closes what the clock decides: pending requests past their deadline expire (and count as
 * denied), those past half-way are escalated to Security. SKIP LOCKED lets several instances
 * sweep at once without taking the same row twice, and skips a request someone is voting on.
 */
export async function sweepApprovals(db: TDb, now: Date = new Date()): Promise<{ expired: number; escalated: number }> {
  const totals = { expired: 0, escalated: 0 };
  for (;;) {
    const batch = await runAudited(db, async (tx) => ({ expired: await expire(tx, now), escalated: await escalate(tx, now) }));
    totals.expired += batch.expired;
    totals.escalated += batch.escalated;
    if (batch.expired < BATCH && batch.escalated < BATCH) return totals;
  }
}

async function expire(tx: TTx, now: Date): Promise<number> {
  const rows = await tx.$queryRaw<TSwept[]>`
    UPDATE approval_requests a SET status = 'EXPIRED', decided_at = a.expires_at, outcome_reason = ${EXPIRY_REASON}
     WHERE a.id IN (SELECT id FROM approval_requests WHERE status = 'PENDING' AND expires_at <= ${now}
                    ORDER BY expires_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING a.id::text AS id, a.expires_at AS "expiresAt"`;
  return recordSwept(tx, rows, "approval.expired", "approval.decided");
}

async function escalate(tx: TTx, now: Date): Promise<number> {
  const rows = await tx.$queryRaw<TSwept[]>`
    UPDATE approval_requests a SET escalated_at = ${now}
     WHERE a.id IN (SELECT id FROM approval_requests WHERE status = 'PENDING' AND escalated_at IS NULL AND escalate_at <= ${now} AND expires_at > ${now}
                    ORDER BY expires_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING a.id::text AS id, a.expires_at AS "expiresAt"`;
  return recordSwept(tx, rows, "approval.escalated", "approval.escalated");
}

/** Audits each swept request and announces them (webhooks), in the sweep's transaction. */
async function recordSwept(
  tx: TTx,
  rows: TSwept[],
  action: "approval.expired" | "approval.escalated",
  announce: Parameters<typeof announceApprovals>[1],
): Promise<number> {
  for (const { id, expiresAt } of rows) {
    await recordAuditEvent(tx, SWEEPER, { action, target: { type: "approval", id }, data: { expiresAt: expiresAt.toISOString() } });
  }
  await announceApprovals(
    tx,
    announce,
    rows.map((r) => r.id),
  );
  return rows.length;
}
