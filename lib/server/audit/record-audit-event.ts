import "server-only";
import { ZAuditEvent, type TAuditActor, type TAuditEvent } from "@/lib/contracts/audit";
import type { TTx } from "../db/client";
import { GENESIS_HASH, hashAuditRow, type TChainedContent } from "./hash-chain";

const actionsByTransaction = new WeakMap<object, Set<string>>();

/** The actions recorded so far in `tx`: lets the HTTP layer refuse to commit an unaudited change. */
export function auditedActions(tx: TTx): ReadonlySet<string> {
  return actionsByTransaction.get(tx) ?? new Set();
}

// Serialises audit writers until their transaction ends, so rows chain in commit order.
const AUDIT_CHAIN_LOCK = 7_236_111_002;

/**
 * Appends one event to the hash-chained audit log inside the caller's transaction: the event
 * lands if and only if the change it records does.
 */
export async function recordAuditEvent(tx: TTx, actor: TAuditActor, event: TAuditEvent): Promise<{ seq: bigint; hash: string }> {
  const parsed = ZAuditEvent.parse(event);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: TChainedContent = {
    seq: (last?.seq ?? 0n) + 1n,
    occurredAt: new Date(),
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: parsed.action,
    targetType: parsed.target?.type ?? null,
    targetId: parsed.target?.id ?? null,
    data: parsed.data,
    requestId: actor.requestId ?? null,
  };
  const hash = hashAuditRow(prevHash, content);
  await tx.auditEvent.create({ data: { ...content, data: content.data as object, prevHash, hash } });
  const actions = actionsByTransaction.get(tx) ?? new Set<string>();
  actions.add(parsed.action);
  actionsByTransaction.set(tx, actions);
  return { seq: content.seq, hash };
}
