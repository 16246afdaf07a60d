import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TCreateWorkflowInput, TWorkflowDetail } from "@/lib/contracts/workflows";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors";
import { checkPermissionSet } from "../permission-set/check-permission-set";
import { writePermissionSet } from "../permission-set/write-permission-set";
import { checkRaci } from "./check-raci";
import { claimShadowWorkflow } from "./claim-shadow-workflow";
import { collectProblems } from "./collect-problems";
import { getWorkflow } from "./get-workflow";

const keyTaken = (key: string) =>
  new AppError("conflict", `A workflow with the key ${key} is already registered`, [
    { path: "body.key", message: "This key is already registered" },
  ]);

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The owner: the caller, unless an ADMIN names another enabled workflow owner. */
async function checkOwner(tx: TTx, user: TSessionUser, ownerId: string | undefined): Promise<{ id: string; email: string }> {
  if (!ownerId || ownerId === user.id) return { id: user.id, email: user.email };
  if (!user.roles.includes("ADMIN")) {
    throw new AppError("forbidden", "Only an administrator may register a workflow for someone else", [
      { path: "body.ownerId", message: "You can only register workflows you own" },
    ]);
  }
  const owner = await tx.user.findFirst({
    where: { id: ownerId, disabled: false, roles: { has: "OWNER" } },
    select: { id: true, email: true },
  });
  if (!owner)
    throw new AppError("validation_failed", "The owner is not a workflow owner", [
      { path: "body.ownerId", message: "Choose an enabled user with the OWNER role" },
    ]);
  return owner;
}

/**
 * Registers a workflow as a DRAFT with its owner, RACI chart and permission set, audited as
 * workflow.created; a shadow workflow seen under the same key is marked as registered.
 */
export async function createWorkflow(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  input: TCreateWorkflowInput;
}): Promise<TWorkflowDetail> {
  const { tx, actor, user, input } = options;
  if (await tx.workflow.findUnique({ where: { key: input.key }, select: { id: true } })) throw keyTaken(input.key);
  const owner = await checkOwner(tx, user, input.ownerId);
  // With no chart given, the owner is Accountable: every workflow starts with exactly one.
  const raci = input.raci.length ? input.raci : [{ userId: owner.id, function: "WORKFLOW_OWNER" as const, role: "ACCOUNTABLE" as const }];
  const [checkedRaci, resolved] = await collectProblems([
    () => checkRaci({ tx, assignments: raci, requireAllFunctions: false, at: "body.raci" }),
    () => checkPermissionSet({ tx, set: input.permissions, at: "body.permissions" }),
  ] as const);

  const id = randomUUID();
  const after = {
    key: input.key,
    name: input.name,
    purpose: input.purpose,
    environment: input.environment,
    runbook: input.runbook,
    approvalTimeoutMinutes: input.approvalTimeoutMinutes,
    status: "DRAFT",
    owner: owner.email,
    raci: checkedRaci.map((r) => ({ email: r.email, function: r.function, role: r.role })),
    permissions: input.permissions,
    version: 1,
  };
  // Recorded before the write, so this event never appears to postdate the version it produces.
  await recordAuditEvent(tx, actor, { action: "workflow.created", target: { type: "workflow", id }, data: { after } });
  await tx.workflow
    .create({
      data: {
        id,
        key: input.key,
        name: input.name,
        purpose: input.purpose,
        environment: input.environment,
        runbook: input.runbook,
        approvalTimeoutMinutes: input.approvalTimeoutMinutes,
        ownerId: owner.id,
        raci: { createMany: { data: raci.map((r) => ({ userId: r.userId, function: r.function, role: r.role })) } },
      },
    })
    .catch((error: unknown) => {
      // Two registrations of one key can both pass the check above; the unique index decides.
      throw isUniqueViolation(error) ? keyTaken(input.key) : error;
    });
  await writePermissionSet({ tx, workflowId: id, resolved });
  await claimShadowWorkflow({ tx, actor, key: input.key, workflowId: id });
  return getWorkflow({ tx, user, id });
}
