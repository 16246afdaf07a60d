import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TTx } from "../db/client";
import { recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain, type TChainVerdict } from "./verify-audit-chain";

/**
 * "Verify chain" as people run it: the walk, then its verdict recorded in the chain itself
 * (audit.chain_verified), so when the chain was last verified and what was found can be shown
 * (the scorecard's audit-chain control reads the latest). Call inside runAudited.
 */
export async function verifyAndRecordAuditChain(options: { tx: TTx; actor: TAuditActor }): Promise<TChainVerdict> {
  const verdict = await verifyAuditChain({ db: options.tx });
  await recordAuditEvent(options.tx, options.actor, {
    action: "audit.chain_verified",
    data: { ok: verdict.ok, checked: verdict.checked, lastHash: verdict.lastHash, brokenAt: verdict.firstBreak?.seq ?? null },
  });
  return verdict;
}
