import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TModelView, TUpdateModelInput } from "@/lib/contracts/catalog";
import { modelRef } from "@/lib/contracts/registry";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { checkExpectedVersion } from "./check-expected-version";
import { lockCatalogRow } from "./lock-catalog-row";
import { modelRecord, modelSelect, toModelView } from "./model-view";

/**
 * Changes a model's terms (regions, retention, training opt-out, logging, highest sensitivity).
 * Provider, model and version are its name in every workflow, so they are fixed: register a new
 * version instead. Status changes go through setModelStatus, with a reason.
 */
export async function updateModel(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  input: TUpdateModelInput;
}): Promise<TModelView> {
  const { tx, actor, user, id, input } = options;
  if (!(await lockCatalogRow({ tx, table: "approved_models", id }))) throw notFound("The model");
  const current = await tx.approvedModel.findUniqueOrThrow({ where: { id } });
  await checkExpectedVersion({
    tx,
    label: `Model ${modelRef(current)}`,
    targetType: "model",
    targetId: id,
    updatedAt: current.updatedAt,
    expectedUpdatedAt: input.expectedUpdatedAt,
  });

  const before = modelRecord(current);
  const after = modelRecord({
    ...current,
    regions: input.regions ?? current.regions,
    dataRetentionDays: input.dataRetentionDays ?? current.dataRetentionDays,
    trainingOptOut: input.trainingOptOut ?? current.trainingOptOut,
    loggingPolicy: input.loggingPolicy ?? current.loggingPolicy,
    maxSensitivity: input.maxSensitivity ?? current.maxSensitivity,
  });
  if (JSON.stringify(before) === JSON.stringify(after))
    throw new AppError("bad_request", `Nothing to change: ${modelRef(current)} already has these values`);

  await recordAuditEvent(tx, actor, { action: "catalog.model.changed", target: { type: "model", id }, data: { before, after } });
  const row = await tx.approvedModel.update({
    where: { id },
    data: {
      regions: after.regions,
      dataRetentionDays: after.dataRetentionDays,
      trainingOptOut: after.trainingOptOut,
      loggingPolicy: after.loggingPolicy,
      maxSensitivity: after.maxSensitivity,
    },
    select: modelSelect(workflowReadWhere(user)),
  });
  return toModelView(row);
}
