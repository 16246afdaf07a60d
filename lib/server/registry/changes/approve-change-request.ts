import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TChangeRequestView } from "@/lib/contracts/changes";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { applyPolicyChange } from "../policies/apply-policy-change";
import { applyWorkflowChange } from "./apply-workflow-change";
import { lockChangeForReview } from "./lock-change-for-review";
import { readChangeRequestView } from "./read-change-request-view";

/**
 * A Security reviewer other than the requester approves a pending change: it applies, its subject's
 * version increases, and the approval and the change are audited in this one transaction.
 */
export async function approveChangeRequest(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  reason: string;
}): Promise<TChangeRequestView> {
  const { tx, actor, user, id, reason } = options;
  const changeRequest = await lockChangeForReview({ tx, user, id });
  await recordAuditEvent(tx, actor, { action: "change_request.approved", target: { type: "change_request", id }, data: { reason } });
  if (changeRequest.subject === "WORKFLOW") await applyWorkflowChange({ tx, actor, changeRequest });
  else await applyPolicyChange({ tx, actor, changeRequest });
  await tx.changeRequest.update({
    where: { id },
    data: { status: "APPROVED", reviewedById: user.id, reviewReason: reason, reviewedAt: new Date() },
  });
  return readChangeRequestView({ tx, id });
}
