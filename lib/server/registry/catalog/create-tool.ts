import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TCreateToolInput, TToolView } from "@/lib/contracts/catalog";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors";
import { checkArgumentSchema } from "./check-argument-schema";
import { isUniqueViolation } from "./is-unique-violation";
import { toToolView, toolRecord, toolSelect } from "./tool-view";

const keyTaken = (key: string) =>
  new AppError("conflict", `A tool with the key ${key} already exists`, [{ path: "key", message: "This key is already in use" }]);

/** Adds a tool whose argument contract is a valid JSON Schema; audited as catalog.tool.changed. */
export async function createTool(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  input: TCreateToolInput;
}): Promise<TToolView> {
  const { tx, actor, user, input } = options;
  checkArgumentSchema(input.argumentSchema);
  if (await tx.tool.findUnique({ where: { key: input.key }, select: { id: true } })) throw keyTaken(input.key);
  const id = randomUUID();
  await recordAuditEvent(tx, actor, {
    action: "catalog.tool.changed",
    target: { type: "tool", id },
    data: { before: null, after: toolRecord(input) },
  });
  const row = await tx.tool
    .create({
      data: { id, ...input, argumentSchema: input.argumentSchema as Prisma.InputJsonObject },
      select: toolSelect(workflowReadWhere(user)),
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? keyTaken(input.key) : error;
    });
  return toToolView(row);
}
