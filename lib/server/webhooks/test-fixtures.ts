import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import { ZCreateWebhookEndpoint, type TApprovalWebhookData, type TCreateWebhookEndpoint } from "@/lib/contracts/webhooks";
import { runAudited } from "../audit/run-audited";
import { db } from "../db/client";
import { createWebhookEndpoint } from "./create-webhook-endpoint";

// Tests encrypt secrets with this; the env is read lazily, after this module has run.
process.env.TOLLGATE_SECRET_KEY ??= "test-secret-key-for-webhook-encryption-0123456789";
// The test receivers listen on 127.0.0.1; a test of the refusal sets it back to "false" itself.
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";

/** A SECURITY person, inserted directly, and the actor that audits their changes. */
export async function givenSecurityUser() {
  const user = await db.user.create({
    data: { email: `${randomUUID().slice(0, 8)}@example.test`, name: "Security Lead", roles: ["SECURITY"] },
    select: { id: true, email: true },
  });
  const actor: TAuditActor = { type: "user", id: user.id, label: user.email, requestId: null };
  return { user, actor };
}

export async function givenEndpoint(url: string, input: Partial<TCreateWebhookEndpoint> = {}) {
  const { user, actor } = await givenSecurityUser();
  const parsed = ZCreateWebhookEndpoint.parse({ name: "Approvals channel", url, events: ["approval.created", "approval.decided"], ...input });
  const issued = await runAudited(db, (tx) => createWebhookEndpoint({ tx, actor, userId: user.id, input: parsed }));
  return { ...issued, actor };
}

export const sampleApproval = (overrides: Partial<TApprovalWebhookData> = {}): TApprovalWebhookData => ({
  id: randomUUID(),
  status: "PENDING",
  workflowKey: "billing-agent",
  workflowName: "Billing agent",
  tool: "refund.issue",
  tier: "T3",
  approvalsRequired: 2,
  approvals: 0,
  argumentsHash: "sha256:4f2a",
  expiresAt: "2026-11-21T12:30:00.000Z",
  reason: "Refunds need two approvers",
  breakGlass: false,
  ...overrides,
});
