import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TUpdateWorkflowInput, TWorkflowDetail } from "@/lib/contracts/workflows";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { getWorkflow } from "./get-workflow";
import { lockEditableWorkflow, type TEditableWorkflow } from "./lock-editable-workflow";

type TChanges = Record<string, { before: unknown; after: unknown }>;
const PLAIN_FIELDS = ["name", "purpose", "runbook", "approvalTimeoutMinutes"] as const;

async function ownerChange(tx: TTx, user: TSessionUser, current: TEditableWorkflow, ownerId: string) {
  if (!user.roles.includes("ADMIN")) {
    throw new AppError("forbidden", "Only an administrator may hand a workflow to another owner", [
      { path: "body.ownerId", message: "Only an administrator may change the owner" },
    ]);
  }
  const owner = await tx.user.findFirst({
    where: { id: ownerId, disabled: false, roles: { has: "OWNER" } },
    select: { id: true, email: true },
  });
  if (!owner)
    throw new AppError("validation_failed", "The new owner is not a workflow owner", [
      { path: "body.ownerId", message: "Choose an enabled user with the OWNER role" },
    ]);
  return { before: { id: current.owner.id, email: current.owner.email }, after: owner };
}

/**
 * Changes a workflow's name, purpose, runbook, approval timeout, owner (ADMIN only) or environment (drafts only)
 * at the version the editor saw; audited as workflow.updated with before and after, version + 1.
 */
export async function updateWorkflow(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  input: TUpdateWorkflowInput;
}): Promise<TWorkflowDetail> {
  const { tx, actor, user, id, input } = options;
  const current = await lockEditableWorkflow({ tx, user, id, expectedVersion: input.expectedVersion });
  const changes: TChanges = {};
  for (const field of PLAIN_FIELDS) {
    const value = input[field];
    if (value !== undefined && value !== current[field]) changes[field] = { before: current[field], after: value };
  }
  if (input.environment !== undefined && input.environment !== current.environment) {
    if (current.status !== "DRAFT") {
      throw new AppError("conflict", `${current.key} is ${current.status.toLowerCase()}: its environment is fixed once it leaves draft`, [
        { path: "body.environment", message: "The environment can change only while the workflow is a draft" },
      ]);
    }
    changes.environment = { before: current.environment, after: input.environment };
  }
  const owner =
    input.ownerId !== undefined && input.ownerId !== current.owner.id ? await ownerChange(tx, user, current, input.ownerId) : null;
  if (owner) changes.owner = owner;
  if (!Object.keys(changes).length) throw new AppError("bad_request", `Nothing to change: ${current.key} already has these values`);

  const version = current.version + 1;
  // Recorded before the write, so this event never appears to postdate the version it produces.
  await recordAuditEvent(tx, actor, { action: "workflow.updated", target: { type: "workflow", id }, data: { changes, version } });
  await tx.workflow.update({
    where: { id },
    data: {
      version,
      ...(changes.name ? { name: input.name } : {}),
      ...(changes.purpose ? { purpose: input.purpose } : {}),
      ...(changes.runbook ? { runbook: input.runbook } : {}),
      ...(changes.approvalTimeoutMinutes ? { approvalTimeoutMinutes: input.approvalTimeoutMinutes } : {}),
      ...(changes.environment ? { environment: input.environment } : {}),
      ...(owner ? { ownerId: owner.after.id } : {}),
    },
  });
  return getWorkflow({ tx, user, id });
}
