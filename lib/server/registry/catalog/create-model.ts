import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TCreateModelInput, TModelView } from "@/lib/contracts/catalog";
import { modelRef } from "@/lib/contracts/registry";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { isUniqueViolation } from "./is-unique-violation";
import { modelRecord, modelSelect, toModelView } from "./model-view";

const refTaken = (ref: string) =>
  new AppError("conflict", `${ref} is already in the catalog`, [
    { path: "version", message: "This provider, model and version are already registered" },
  ]);

/** Approves a model for use; audited as catalog.model.changed with no `before`. */
export async function createModel(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  input: TCreateModelInput;
}): Promise<TModelView> {
  const { tx, actor, user, input } = options;
  const ref = modelRef(input);
  const { provider, model, version } = input;
  if (await tx.approvedModel.findUnique({ where: { provider_model_version: { provider, model, version } }, select: { id: true } }))
    throw refTaken(ref);
  const id = randomUUID();
  const data = { ...input, status: "APPROVED" as const };
  await recordAuditEvent(tx, actor, {
    action: "catalog.model.changed",
    target: { type: "model", id },
    data: { before: null, after: modelRecord(data) },
  });
  const row = await tx.approvedModel
    .create({ data: { id, ...data }, select: modelSelect(workflowReadWhere(user)) })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? refTaken(ref) : error;
    });
  return toModelView(row);
}
