import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TIssuedWebhookSecret } from "@/lib/contracts/webhooks";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { endpointRecord, readEndpointView } from "./endpoint-view";
import { lockWebhookEndpoint } from "./lock-webhook-endpoint";
import { generateWebhookSecret, sealWebhookSecret } from "./webhook-secret";

/**
 * Replaces the signing secret at once: every request from now on, retries included, is signed with
 * the new one. Receivers that must not miss a beat accept both secrets while they switch.
 */
export async function rotateWebhookSecret(options: { tx: TTx; actor: TAuditActor; id: string }): Promise<TIssuedWebhookSecret> {
  const { tx, actor, id } = options;
  const current = await lockWebhookEndpoint(tx, id);
  const secret = generateWebhookSecret();
  await tx.webhookEndpoint.update({ where: { id }, data: { secretEncrypted: sealWebhookSecret(secret, id) } });
  const record = endpointRecord(current);
  await recordAuditEvent(tx, actor, {
    action: "webhook.endpoint.changed",
    target: { type: "webhook_endpoint", id },
    data: { before: record, after: { ...record, secretRotated: true } },
  });
  return { endpoint: await readEndpointView(tx, id), secret };
}
