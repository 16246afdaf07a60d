import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TRole } from "@/lib/contracts/roles";
import { runAudited } from "../audit/run-audited";
import type { TSessionUser } from "../auth/current-user";
import { db } from "../db/client";
import { hashArguments } from "../decisions/hash-arguments";
import { givenUser, givenWorkflow } from "../registry/changes/test-fixtures";
import { createApprovalRequest } from "./create-approval-request";

export { actorFor, givenUser } from "../registry/changes/test-fixtures";

export const REFUND_ARGS = { amount: 4200, currency: "EUR", customerEmail: "jane.doe@example.com" };
const AUTOMATION: TAuditActor = { type: "service", id: null, label: "fixture automation", requestId: null };

/** A workflow owned by its own owner, with one Responsible person and a service token made by a third. */
export async function givenGatedWorkflow(options: { timeoutMinutes?: number } = {}) {
  const owner = await givenUser(["OWNER"]);
  const responsible = await givenUser(["OWNER", "APPROVER"]);
  const tokenCreator = await givenUser(["ADMIN"]);
  const workflow = await givenWorkflow({ owner, status: "ACTIVE" });
  await db.workflow.update({ where: { id: workflow.id }, data: { approvalTimeoutMinutes: options.timeoutMinutes ?? 60 } });
  await db.raciAssignment.createMany({
    data: [
      { workflowId: workflow.id, userId: owner.id, function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" },
      { workflowId: workflow.id, userId: responsible.id, function: "PLATFORM_OWNER", role: "RESPONSIBLE" },
    ],
  });
  const suffix = randomUUID().slice(0, 8);
  const token = await db.serviceToken.create({
    data: {
      workflowId: workflow.id,
      name: "fixture token",
      prefix: `tg_${suffix}`,
      tokenHash: `hash-${suffix}`,
      scopes: ["DECIDE"],
      environment: workflow.environment,
      expiresAt: new Date(Date.now() + 86_400_000),
      createdById: tokenCreator.id,
    },
    select: { id: true, prefix: true },
  });
  return { owner, responsible, tokenCreator, workflow, token };
}

type TGated = Awaited<ReturnType<typeof givenGatedWorkflow>>;

/** A request opened the way the decision endpoint opens one. */
export async function givenApproval(
  gated: TGated,
  options: { tier?: "T2" | "T3"; args?: Record<string, unknown>; now?: Date; tool?: string; model?: string } = {},
) {
  const tier = options.tier ?? "T3";
  const args = options.args ?? REFUND_ARGS;
  return runAudited(db, (tx) =>
    createApprovalRequest(tx, {
      actor: AUTOMATION,
      workflowId: gated.workflow.id,
      tokenId: gated.token.id,
      decisionId: null,
      runId: `run-${randomUUID().slice(0, 8)}`,
      tool: options.tool ?? "stripe.refund",
      consequence: tier === "T3" ? "MONEY_MOVEMENT" : "EXTERNAL_COMMUNICATION",
      model: options.model ?? "acme/large/2",
      dataClasses: ["tickets"],
      tier,
      approvalsRequired: tier === "T3" ? 2 : 1,
      argumentsHash: hashArguments({ args }),
      arguments: args,
      reasons: [{ rule: 9, code: "approval_required", message: `${options.tool ?? "stripe.refund"} is ${tier}: a person must approve it` }],
      registryVersion: "fixture-1",
      now: options.now,
    }),
  );
}

export const givenApprovers = (count: number, roles: TRole[] = ["APPROVER"]): Promise<TSessionUser[]> =>
  Promise.all(Array.from({ length: count }, () => givenUser(roles)));

/** An enabled endpoint for every approval event, so enqueued deliveries can be counted. */
export async function givenWebhookEndpoint(createdById: string) {
  return db.webhookEndpoint.create({
    data: { name: "fixture", url: "http://127.0.0.1:9/hook", secretEncrypted: "fixture", events: ["approval.created", "approval.escalated", "approval.decided"], createdById },
    select: { id: true },
  });
}

/** What one endpoint was sent about one request, oldest first. */
export const deliveriesOf = async (endpoint: { id: string }, approvalId: string) =>
  (await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { createdAt: "asc" }, select: { event: true, payload: true } })).filter((d) =>
    JSON.stringify(d.payload).includes(approvalId),
  );

export const auditActionsOf = async (approvalId: string) =>
  (await db.auditEvent.findMany({ where: { targetType: "approval", targetId: approvalId }, orderBy: { seq: "asc" } })).map((e) => e.action);

/** Sweeps and halts act on every pending request: close the ones earlier tests in the file left open. */
export const givenNothingElsePending = () => db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
