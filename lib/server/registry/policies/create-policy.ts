import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TCreatePolicyInput, TPolicyChangeOpened } from "@/lib/contracts/policies";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { isUniqueViolation } from "../catalog/is-unique-violation";
import { openChangeRequest } from "../changes/open-change-request";
import { checkCedarText } from "./check-cedar-text";
import { describePolicyChange } from "./describe-policy-change";
import { POLICY_SELECT, policyProposalOf, toPolicyView } from "./policy-view";

const keyTaken = (key: string) =>
  new AppError("conflict", `A policy with the key ${key} already exists`, [{ path: "key", message: "This key is already in use" }]);

/**
 * Proposes a new custom policy. Nothing is enforced until review: the policy row is created as a
 * draft (version 0, empty text, disabled) so the key is reserved and the change request can
 * point at it; approving applies the proposal as version 1 (see applyPolicyChange).
 */
export async function createPolicy(options: {
  tx: TTx;
  actor: TAuditActor;
  requestedById: string;
  input: TCreatePolicyInput;
}): Promise<TPolicyChangeOpened> {
  const { tx, actor, requestedById, input } = options;
  const problems = checkCedarText(input.text, "text");
  if (problems.length) throw new AppError("validation_failed", "The policy text is not valid Cedar", problems);
  if (await tx.policy.findUnique({ where: { key: input.key }, select: { id: true } })) throw keyTaken(input.key);

  const id = randomUUID();
  const draft = { key: input.key, name: input.name, description: input.description, text: "", enabled: false, version: 0 };
  await tx.policy.create({ data: { id, ...draft, createdById: requestedById } }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? keyTaken(input.key) : error;
  });
  const proposed = policyProposalOf(input);
  const { diff, summary } = describePolicyChange(null, proposed);
  const changeRequest = await openChangeRequest({
    tx,
    actor,
    requestedById,
    subject: "POLICY",
    policyId: id,
    baseVersion: 0,
    proposed,
    diff,
    summary,
  });
  await recordAuditEvent(tx, actor, {
    action: "policy.changed",
    target: { type: "policy", id },
    data: { before: null, after: draft, changeRequestId: changeRequest.id },
  });
  const row = await tx.policy.findUniqueOrThrow({ where: { id }, select: POLICY_SELECT });
  return { policy: toPolicyView(row), changeRequest: { id: changeRequest.id, summary, status: "PENDING" } };
}
