import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TCreateDataClassInput, TDataClassView } from "@/lib/contracts/catalog";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { isUniqueViolation } from "./is-unique-violation";
import { dataClassRecord, dataClassSelect, toDataClassView } from "./data-class-view";

const keyTaken = (key: string) =>
  new AppError("conflict", `A data class with the key ${key} already exists`, [{ path: "key", message: "This key is already in use" }]);

/** Adds a data class to the catalog; audited as catalog.data_class.changed with no `before`. */
export async function createDataClass(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  input: TCreateDataClassInput;
}): Promise<TDataClassView> {
  const { tx, actor, user, input } = options;
  if (await tx.dataClass.findUnique({ where: { key: input.key }, select: { id: true } })) throw keyTaken(input.key);
  const id = randomUUID();
  await recordAuditEvent(tx, actor, {
    action: "catalog.data_class.changed",
    target: { type: "data_class", id },
    data: { before: null, after: dataClassRecord(input) },
  });
  const row = await tx.dataClass
    .create({ data: { id, ...input }, select: dataClassSelect(workflowReadWhere(user)) })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? keyTaken(input.key) : error;
    });
  return toDataClassView(row);
}
