import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TChangeRequestView } from "@/lib/contracts/changes";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { conflict, forbidden, notFound } from "../../errors";
import { changeReadWhere } from "./change-read-where";
import { closedChangeDetail } from "./closed-change-detail";
import { lockChangeRequest } from "./lock-change-request";
import { readChangeRequestView } from "./read-change-request-view";

/** The requester takes back a change that is still pending; nobody else can. */
export async function withdrawChangeRequest(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
}): Promise<TChangeRequestView> {
  const { tx, actor, user, id } = options;
  if (!(await tx.changeRequest.count({ where: { AND: [{ id }, changeReadWhere(user)] } }))) throw notFound("The change request");
  await lockChangeRequest({ tx, id });
  const request = await tx.changeRequest.findUniqueOrThrow({
    where: { id },
    include: { requestedBy: { select: { email: true } }, reviewedBy: { select: { email: true } } },
  });
  if (request.requestedById !== user.id)
    throw forbidden(`Only the requester, ${request.requestedBy.email}, can withdraw this change request`);
  if (request.status !== "PENDING") throw conflict(closedChangeDetail(request));
  await recordAuditEvent(tx, actor, { action: "change_request.withdrawn", target: { type: "change_request", id }, data: {} });
  await tx.changeRequest.update({ where: { id }, data: { status: "WITHDRAWN" } });
  return readChangeRequestView({ tx, id });
}
