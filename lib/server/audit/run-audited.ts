import "server-only";
import type { TDb, TTx } from "../db/client";
import { GENESIS_HASH, hashAuditRow, type TChainedContent } from "./hash-chain";
import { openAuditBuffer, type TPendingAuditEvent } from "./record-audit-event";

// Serialises audit writers until their transaction ends, so rows chain in commit order.
const AUDIT_CHAIN_LOCK = 7_236_111_002;

/**
 * A transaction whose recorded audit events join the hash chain at its very end. Taking the chain
 * lock last, after every row lock the change needed, is what keeps audited writers free of
 * deadlocks with one another.
 */
export async function runAudited<T>(db: TDb, fn: (tx: TTx) => Promise<T>, options?: { timeout?: number }): Promise<T> {
  return db.$transaction(async (tx) => {
    const pending = openAuditBuffer(tx);
    const result = await fn(tx);
    if (pending.length) await appendToChain(tx, pending);
    return result;
  }, options);
}

async function appendToChain(tx: TTx, pending: TPendingAuditEvent[]): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0n;
  const rows = pending.map(({ actor, event, occurredAt }) => {
    seq += 1n;
    const content: TChainedContent = {
      seq,
      occurredAt,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      data: event.data,
      requestId: actor.requestId ?? null,
    };
    const hash = hashAuditRow(prevHash, content);
    const row = { ...content, data: content.data as object, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.auditEvent.createMany({ data: rows });
}
