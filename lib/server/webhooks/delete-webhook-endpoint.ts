import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { endpointRecord } from "./endpoint-view";
import { lockWebhookEndpoint } from "./lock-webhook-endpoint";

/** Removes an endpoint and its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(options: { tx: TTx; actor: TAuditActor; id: string }): Promise<void> {
  const { tx, actor, id } = options;
  const current = await lockWebhookEndpoint(tx, id);
  await tx.webhookEndpoint.delete({ where: { id } });
  await recordAuditEvent(tx, actor, {
    action: "webhook.endpoint.changed",
    target: { type: "webhook_endpoint", id },
    data: { before: endpointRecord(current), after: null },
  });
}
