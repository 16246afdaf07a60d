import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TToolView, TUpdateToolInput } from "@/lib/contracts/catalog";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { AppError, notFound } from "../../errors";
import { checkArgumentSchema } from "./check-argument-schema";
import { checkExpectedVersion } from "./check-expected-version";
import { checkGrantsMeetConsequence } from "./check-grants-meet-consequence";
import { lockCatalogRow } from "./lock-catalog-row";
import { toToolView, toolRecord, toolSelect } from "./tool-view";

/**
 * Changes a tool's name, system, consequence or argument contract (its key is fixed: workflows
 * and automations call it by key). A new consequence may not leave any workflow granting the
 * tool below the tier that consequence requires.
 */
export async function updateTool(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  input: TUpdateToolInput;
}): Promise<TToolView> {
  const { tx, actor, user, id, input } = options;
  if (input.argumentSchema) checkArgumentSchema(input.argumentSchema);
  if (!(await lockCatalogRow({ tx, table: "tools", id }))) throw notFound("The tool");
  const current = await tx.tool.findUniqueOrThrow({ where: { id } });
  await checkExpectedVersion({
    tx,
    label: `Tool ${current.key}`,
    targetType: "tool",
    targetId: id,
    updatedAt: current.updatedAt,
    expectedUpdatedAt: input.expectedUpdatedAt,
  });

  const before = toolRecord(current);
  const after = toolRecord({
    key: current.key,
    name: input.name ?? current.name,
    system: input.system ?? current.system,
    consequence: input.consequence ?? current.consequence,
    argumentSchema: input.argumentSchema ?? current.argumentSchema,
  });
  if (JSON.stringify(before) === JSON.stringify(after))
    throw new AppError("bad_request", `Nothing to change: ${current.key} already has these values`);
  if (after.consequence !== before.consequence)
    await checkGrantsMeetConsequence({ tx, user, toolId: id, toolKey: current.key, consequence: after.consequence });

  await recordAuditEvent(tx, actor, { action: "catalog.tool.changed", target: { type: "tool", id }, data: { before, after } });
  const row = await tx.tool.update({
    where: { id },
    data: {
      name: after.name,
      system: after.system,
      consequence: after.consequence,
      argumentSchema: after.argumentSchema as Prisma.InputJsonObject,
    },
    select: toolSelect(workflowReadWhere(user)),
  });
  return toToolView(row);
}
