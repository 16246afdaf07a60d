import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TCreateWebhookEndpointInput, TIssuedWebhookSecret } from "@/lib/contracts/webhooks";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { endpointRecord, readEndpointView } from "./endpoint-view";
import { requireAllowedTarget } from "./require-allowed-target";
import { generateWebhookSecret, sealWebhookSecret } from "./webhook-secret";

/** Adds an endpoint with a fresh signing secret; the plaintext is in this answer and nowhere else, ever. */
export async function createWebhookEndpoint(options: {
  tx: TTx;
  actor: TAuditActor;
  userId: string;
  input: TCreateWebhookEndpointInput;
}): Promise<TIssuedWebhookSecret> {
  const { tx, actor, userId, input } = options;
  requireAllowedTarget({ url: input.url });
  const id = randomUUID();
  const secret = generateWebhookSecret();
  await tx.webhookEndpoint.create({
    data: { id, ...input, secretEncrypted: sealWebhookSecret(secret, id), createdById: userId },
  });
  await recordAuditEvent(tx, actor, {
    action: "webhook.endpoint.changed",
    target: { type: "webhook_endpoint", id },
    data: { before: null, after: endpointRecord(input) },
  });
  return { endpoint: await readEndpointView(tx, id), secret };
}
