import "server-only";
import { z } from "zod";
import type { TChangeRequestDetail } from "@/lib/contracts/changes";
import type { TSessionUser } from "../../authz/principal";
import { db, type TTx } from "../../db/client";
import { notFound } from "../../errors";
import { changeReadWhere } from "./change-read-where";
import { CHANGE_VIEW_SELECT, toChangeRequestView } from "./change-request-view";

const ZReason = z.object({ reason: z.string() });

/** One change request with its history from the audit log, if the user may see it. */
export async function getChangeRequest(options: { tx?: TTx; user: TSessionUser; id: string }): Promise<TChangeRequestDetail> {
  const { user, id } = options;
  const tx = options.tx ?? db;
  const row = await tx.changeRequest.findFirst({ where: { AND: [{ id }, changeReadWhere(user)] }, select: CHANGE_VIEW_SELECT });
  if (!row) throw notFound("The change request");
  const events = await tx.auditEvent.findMany({
    where: { targetType: "change_request", targetId: id },
    orderBy: { seq: "asc" },
    select: { action: true, actorLabel: true, occurredAt: true, data: true },
  });
  const history = events.map((e) => {
    const reason = ZReason.safeParse(e.data);
    return {
      action: e.action,
      actorLabel: e.actorLabel,
      occurredAt: e.occurredAt.toISOString(),
      reason: reason.success ? reason.data.reason : null,
    };
  });
  return { ...toChangeRequestView(row), history, asOf: new Date().toISOString() };
}
