import { createHash } from "node:crypto";
import { canonicalJson } from "../shared/canonical-json";

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
