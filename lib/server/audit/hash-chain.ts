import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type TChainedContent = {
  seq: bigint;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
  requestId: string | null;
};

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  // Built by appending rather than through entries/map/join: the gate hashes every call's
  // arguments, and the intermediate arrays were most of what a decision allocated.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = "{";
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out.length > 1 ? "," : ""}${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/** A row's hash covers its own canonical content and the previous row's hash. */
export function hashAuditRow(prevHash: string, content: TChainedContent): string {
  // Named field by field: the row read back carries more columns than the content it hashed.
  const canonical = canonicalJson({
    seq: content.seq.toString(),
    occurredAt: content.occurredAt.toISOString(),
    actorType: content.actorType,
    actorId: content.actorId,
    actorLabel: content.actorLabel,
    action: content.action,
    targetType: content.targetType,
    targetId: content.targetId,
    data: content.data,
    requestId: content.requestId,
  });
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}
