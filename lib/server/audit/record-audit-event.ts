import "server-only";
import { ZAuditEvent, type TAuditActor, type TAuditEvent } from "@/lib/contracts/audit";
import type { TTx } from "../db/client";

export type TPendingAuditEvent = { actor: TAuditActor; event: TAuditEvent; occurredAt: Date };

const pendingByTransaction = new WeakMap<object, TPendingAuditEvent[]>();

/** Called by runAudited as it opens a transaction: only such a transaction may record events. */
export function openAuditBuffer(tx: TTx): TPendingAuditEvent[] {
  const pending: TPendingAuditEvent[] = [];
  pendingByTransaction.set(tx, pending);
  return pending;
}

/** The actions recorded so far in `tx`: lets the HTTP layer refuse to commit an unaudited change. */
export function auditedActions(tx: TTx): ReadonlySet<string> {
  return new Set((pendingByTransaction.get(tx) ?? []).map((p) => p.event.action));
}

/**
 * Records one typed event in the caller's transaction: runAudited appends it to the hash chain
 * just before that transaction commits, so the event lands if and only if the change it records
 * does. Outside runAudited it throws rather than let a change go unaudited.
 */
export async function recordAuditEvent(tx: TTx, actor: TAuditActor, event: TAuditEvent): Promise<void> {
  const pending = pendingByTransaction.get(tx);
  if (!pending) throw new Error(`audit event ${event.action} recorded outside runAudited(): it would never be written`);
  pending.push({ actor, event: ZAuditEvent.parse(event), occurredAt: new Date() });
}
