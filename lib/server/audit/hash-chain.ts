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
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
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
