import "server-only";
import { ZAuditEvent } from "@/lib/contracts/audit";
import type { TTx } from "../db/client";
import type { TChainVerification } from "./evaluate-controls";

/** The latest recorded "Verify chain" run (audit.chain_verified), or null if nobody has run one. */
export async function readChainVerification(options: { db: TTx }): Promise<TChainVerification | null> {
  const row = await options.db.auditEvent.findFirst({
    where: { action: "audit.chain_verified" },
    orderBy: { occurredAt: "desc" },
    select: { action: true, data: true, occurredAt: true, actorLabel: true },
  });
  if (!row) return null;
  const event = ZAuditEvent.safeParse({ action: row.action, data: row.data });
  if (!event.success || event.data.action !== "audit.chain_verified") return null;
  const { ok, checked, brokenAt } = event.data.data;
  return { at: row.occurredAt, by: row.actorLabel, ok, checked, brokenAt };
}
