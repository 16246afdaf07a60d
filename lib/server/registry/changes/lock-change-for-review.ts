import "server-only";
import { hasPermission } from "@/lib/contracts/permissions";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import type { ChangeRequest } from "../../db/generated/client";
import { conflict, forbidden, notFound } from "../../errors";
import { closedChangeDetail } from "./closed-change-detail";
import { lockChangeRequest } from "./lock-change-request";

/**
 * Locks a change request for a decision and refuses, server-side, any reviewer who may not make it:
 * not SECURITY or ADMIN, the requester themselves (separation of duties), or too late.
 */
export async function lockChangeForReview(options: { tx: TTx; user: TSessionUser; id: string }): Promise<ChangeRequest> {
  const { tx, user, id } = options;
  if (!hasPermission(user.roles, "changes:review")) throw forbidden("Only Security (or an administrator) reviews change requests");
  if (!(await lockChangeRequest({ tx, id }))) throw notFound("The change request");
  const request = await tx.changeRequest.findUniqueOrThrow({ where: { id } });
  if (request.status !== "PENDING") {
    const reviewedBy = request.reviewedById
      ? await tx.user.findUnique({ where: { id: request.reviewedById }, select: { email: true } })
      : null;
    throw conflict(closedChangeDetail({ ...request, reviewedBy }));
  }
  if (request.requestedById === user.id) {
    throw forbidden("You requested this change, so another member of Security must review it (separation of duties)");
  }
  return request;
}
