import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TPolicyChangeOpened, TProposePolicyChangeInput } from "@/lib/contracts/policies";
import type { TTx } from "../../db/client";
import { AppError, conflict, notFound } from "../../errors";
import { openChangeRequest } from "../changes/open-change-request";
import { checkCedarText } from "./check-cedar-text";
import { describePolicyChange } from "./describe-policy-change";
import { lockPolicy } from "./lock-policy";
import { POLICY_SELECT, policyProposalOf, toPolicyView } from "./policy-view";

/**
 * Files an edit of a policy (name, description, Cedar text, enabled) as a change request against
 * its current version; the policy itself is unchanged until a second SECURITY user approves.
 * One pending change per policy, so an approval never silently overwrites another proposal.
 */
export async function proposePolicyChange(options: {
  tx: TTx;
  actor: TAuditActor;
  requestedById: string;
  id: string;
  input: TProposePolicyChangeInput;
}): Promise<TPolicyChangeOpened> {
  const { tx, actor, requestedById, id, input } = options;
  if (!(await lockPolicy({ tx, id }))) throw notFound("The policy");
  const current = await tx.policy.findUniqueOrThrow({ where: { id }, select: POLICY_SELECT });
  if (current.version !== input.expectedVersion) {
    throw conflict(
      `Policy ${current.key} is at version ${current.version}, not the version ${input.expectedVersion} you edited. Reload it and apply your change again.`,
    );
  }
  const pending = current.changes[0];
  if (pending) {
    throw conflict(
      `Policy ${current.key} already has a change awaiting review (${pending.id}). Wait for its review, or withdraw it, before proposing another.`,
    );
  }

  const draft = current.version === 0;
  const before = policyProposalOf(current);
  const proposed = policyProposalOf({
    key: current.key,
    name: input.name ?? current.name,
    description: input.description ?? current.description,
    text: input.text ?? current.text,
    // A draft was never enforced: its proposal is its first version, enabled unless asked otherwise.
    enabled: input.enabled ?? (draft ? true : current.enabled),
  });
  if (!draft && JSON.stringify(before) === JSON.stringify(proposed)) {
    throw new AppError("bad_request", `Nothing to change: policy ${current.key} already reads this way`);
  }
  const problems = checkCedarText(proposed.text, "text");
  if (problems.length) throw new AppError("validation_failed", "The policy text is not valid Cedar", problems);

  const { diff, summary } = describePolicyChange(draft ? null : before, proposed);
  const changeRequest = await openChangeRequest({
    tx,
    actor,
    requestedById,
    subject: "POLICY",
    policyId: id,
    baseVersion: current.version,
    proposed,
    diff,
    summary,
  });
  const row = await tx.policy.findUniqueOrThrow({ where: { id }, select: POLICY_SELECT });
  return { policy: toPolicyView(row), changeRequest: { id: changeRequest.id, summary, status: "PENDING" } };
}
