import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { dataClassRecord } from "./data-class-view";
import { findCatalogWorkflows, listWorkflowKeys } from "./find-catalog-workflows";
import { lockCatalogRow } from "./lock-catalog-row";

/** Removes a data class that no workflow declares; otherwise 409 naming the workflows that do. */
export async function deleteDataClass(options: { tx: TTx; actor: TAuditActor; user: TSessionUser; id: string }): Promise<void> {
  const { tx, actor, user, id } = options;
  if (!(await lockCatalogRow({ tx, table: "data_classes", id }))) throw notFound("The data class");
  const current = await tx.dataClass.findUniqueOrThrow({ where: { id } });
  const declaring = await findCatalogWorkflows({ tx, user, where: { dataClasses: { some: { dataClassId: id } } } });
  if (declaring.total > 0) {
    throw new AppError(
      "conflict",
      `Data class ${current.key} is declared by ${declaring.total === 1 ? "1 workflow" : `${declaring.total} workflows`}: ${listWorkflowKeys(declaring)}. Remove it from them before deleting it.`,
    );
  }
  await recordAuditEvent(tx, actor, {
    action: "catalog.data_class.changed",
    target: { type: "data_class", id },
    data: { before: dataClassRecord(current), after: null },
  });
  await tx.dataClass.delete({ where: { id } });
}
