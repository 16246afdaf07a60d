import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TModelDetail, TModelStatus } from "@/lib/contracts/catalog";
import { modelRef } from "@/lib/contracts/registry";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { getModel } from "./get-model";
import { lockCatalogRow } from "./lock-catalog-row";

/**
 * Suspends a model (or approves it again), with a reason, and answers with the workflows that
 * list it: a suspended model fails rule 6 of every run-time decision that names it.
 */
export async function setModelStatus(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  status: TModelStatus;
  reason: string;
}): Promise<TModelDetail> {
  const { tx, actor, user, id, status, reason } = options;
  if (!(await lockCatalogRow({ tx, table: "approved_models", id }))) throw notFound("The model");
  const current = await tx.approvedModel.findUniqueOrThrow({ where: { id } });
  if (current.status === status) {
    throw new AppError("conflict", `${modelRef(current)} is already ${status.toLowerCase()}`, [
      { path: "status", message: `Already ${status.toLowerCase()}` },
    ]);
  }
  await recordAuditEvent(tx, actor, {
    action: "catalog.model.changed",
    target: { type: "model", id },
    data: { before: { status: current.status }, after: { status, reason } },
  });
  await tx.approvedModel.update({ where: { id }, data: { status } });
  return getModel({ tx, user, id });
}
