import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TChangeRequestView } from "@/lib/contracts/changes";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { lockChangeForReview } from "./lock-change-for-review";
import { readChangeRequestView } from "./read-change-request-view";

/** A Security reviewer other than the requester rejects a pending change, with a reason; nothing applies. */
export async function rejectChangeRequest(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  reason: string;
}): Promise<TChangeRequestView> {
  const { tx, actor, user, id, reason } = options;
  await lockChangeForReview({ tx, user, id });
  await recordAuditEvent(tx, actor, { action: "change_request.rejected", target: { type: "change_request", id }, data: { reason } });
  await tx.changeRequest.update({
    where: { id },
    data: { status: "REJECTED", reviewedById: user.id, reviewReason: reason, reviewedAt: new Date() },
  });
  return readChangeRequestView({ tx, id });
}
