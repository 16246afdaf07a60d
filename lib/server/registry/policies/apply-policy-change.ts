import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { ZPolicyProposal, type TPolicyView } from "@/lib/contracts/policies";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TTx } from "../../db/client";
import { AppError, conflict, notFound } from "../../errors";
import { checkCedarText } from "./check-cedar-text";
import { lockPolicy } from "./lock-policy";
import { POLICY_SELECT, toPolicyView } from "./policy-view";

/** The parts of a ChangeRequest row this needs; pass the row itself. */
export type TPolicyChangeRequest = {
  id: string;
  subject: "WORKFLOW" | "POLICY";
  policyId: string | null;
  baseVersion: number;
  proposed: unknown;
};

const record = (p: { key: string; name: string; description: string; text: string; enabled: boolean; version: number }) => ({
  key: p.key,
  name: p.name,
  description: p.description,
  enabled: p.enabled,
  version: p.version,
  text: p.text,
});

/**
 * Applies an approved POLICY change request: the proposed text and settings become the policy's
 * next version, kept in PolicyVersion, audited as policy.changed in `tx`. The caller (change
 * review) has already checked the reviewer and marks the request approved in the same `tx`.
 * Refuses a request written against another version, or whose text no longer parses.
 */
export async function applyPolicyChange(options: {
  tx: TTx;
  actor: TAuditActor;
  changeRequest: TPolicyChangeRequest;
}): Promise<TPolicyView> {
  const { tx, actor, changeRequest } = options;
  if (changeRequest.subject !== "POLICY" || !changeRequest.policyId) {
    throw new AppError("bad_request", `Change request ${changeRequest.id} does not change a policy`);
  }
  const proposal = ZPolicyProposal.safeParse(changeRequest.proposed);
  if (!proposal.success) throw new AppError("bad_request", `Change request ${changeRequest.id} does not carry a policy proposal`);
  const policyId = changeRequest.policyId;
  if (!(await lockPolicy({ tx, id: policyId }))) throw notFound("The policy");
  const current = await tx.policy.findUniqueOrThrow({ where: { id: policyId } });
  if (current.version !== changeRequest.baseVersion) {
    throw conflict(
      `Policy ${current.key} is at version ${current.version}, but this change was proposed against version ${changeRequest.baseVersion}. Reject it and propose the change again.`,
    );
  }
  if (proposal.data.key !== current.key)
    throw conflict(`This change names policy ${proposal.data.key}, but it is filed against ${current.key}`);
  const problems = checkCedarText(proposal.data.text, "proposed.text");
  if (problems.length) throw new AppError("validation_failed", "The proposed policy text is not valid Cedar", problems);

  const version = current.version + 1;
  const next = { ...proposal.data, version };
  await recordAuditEvent(tx, actor, {
    action: "policy.changed",
    target: { type: "policy", id: policyId },
    data: { before: record(current), after: record(next), changeRequestId: changeRequest.id },
  });
  await tx.policyVersion.create({ data: { policyId, version, text: next.text } });
  const row = await tx.policy.update({
    where: { id: policyId },
    data: { name: next.name, description: next.description, text: next.text, enabled: next.enabled, version },
    // The request being applied is still PENDING until the caller marks it; it is no longer pending here.
    select: { ...POLICY_SELECT, changes: { ...POLICY_SELECT.changes, where: { status: "PENDING", id: { not: changeRequest.id } } } },
  });
  return toPolicyView(row);
}
