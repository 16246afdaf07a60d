import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TDataClassUpdated, TUpdateDataClassInput } from "@/lib/contracts/catalog";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { checkExpectedVersion } from "./check-expected-version";
import { dataClassRecord, dataClassSelect, toDataClassView } from "./data-class-view";
import { lockCatalogRow } from "./lock-catalog-row";
import { recomputeWorkflowSensitivity } from "./recompute-workflow-sensitivity";

/**
 * Changes a data class's name, sensitivity, tags or retention (its key is fixed: workflows and
 * pending change requests name it). A new sensitivity re-derives the highest sensitivity of
 * every workflow that declares the class, in the same transaction.
 */
export async function updateDataClass(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  input: TUpdateDataClassInput;
}): Promise<TDataClassUpdated> {
  const { tx, actor, user, id, input } = options;
  if (!(await lockCatalogRow({ tx, table: "data_classes", id }))) throw notFound("The data class");
  const current = await tx.dataClass.findUniqueOrThrow({ where: { id } });
  await checkExpectedVersion({
    tx,
    label: `Data class ${current.key}`,
    targetType: "data_class",
    targetId: id,
    updatedAt: current.updatedAt,
    expectedUpdatedAt: input.expectedUpdatedAt,
  });

  const before = dataClassRecord(current);
  const after = dataClassRecord({
    key: current.key,
    name: input.name ?? current.name,
    sensitivity: input.sensitivity ?? current.sensitivity,
    tags: input.tags ?? current.tags,
    retentionDays: input.retentionDays ?? current.retentionDays,
  });
  if (JSON.stringify(before) === JSON.stringify(after))
    throw new AppError("bad_request", `Nothing to change: ${current.key} already has these values`);

  await recordAuditEvent(tx, actor, { action: "catalog.data_class.changed", target: { type: "data_class", id }, data: { before, after } });
  await tx.dataClass.update({
    where: { id },
    data: { name: after.name, sensitivity: after.sensitivity, tags: after.tags, retentionDays: after.retentionDays },
  });
  const recomputedWorkflows = before.sensitivity === after.sensitivity ? [] : await recomputeWorkflowSensitivity({ tx, dataClassId: id });
  const row = await tx.dataClass.findUniqueOrThrow({ where: { id }, select: dataClassSelect(workflowReadWhere(user)) });
  const visible = await tx.workflow.findMany({
    where: { AND: [{ id: { in: recomputedWorkflows.map((w) => w.id) } }, workflowReadWhere(user)] },
    select: { id: true },
  });
  return { ...toDataClassView(row), recomputedWorkflows: recomputedWorkflows.filter((w) => visible.some((v) => v.id === w.id)) };
}
