import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import { WEBHOOK_TEST_EVENT, type TWebhookDeliveryView } from "@/lib/contracts/webhooks";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { conflict } from "../errors";
import { buildTestWebhookPayload } from "./build-webhook-payload";
import { DELIVERY_VIEW_SELECT, toDeliveryView } from "./delivery-view";
import { lockWebhookEndpoint } from "./lock-webhook-endpoint";

/** Queues a `webhook.test` delivery to one endpoint, whatever it subscribes to: the log then shows whether it arrived. */
export async function sendTestWebhook(options: { tx: TTx; actor: TAuditActor; id: string }): Promise<TWebhookDeliveryView> {
  const { tx, actor, id } = options;
  const endpoint = await lockWebhookEndpoint(tx, id);
  if (!endpoint.enabled) throw conflict(`Endpoint ${endpoint.name} is disabled: enable it before sending a test`);
  const deliveryId = randomUUID();
  const row = await tx.webhookDelivery.create({
    data: {
      id: deliveryId,
      endpointId: id,
      event: WEBHOOK_TEST_EVENT,
      payload: buildTestWebhookPayload({ id: deliveryId, occurredAt: new Date(), endpointName: endpoint.name, actorLabel: actor.label }),
    },
    select: DELIVERY_VIEW_SELECT,
  });
  await recordAuditEvent(tx, actor, { action: "webhook.test.sent", target: { type: "webhook_endpoint", id }, data: { deliveryId } });
  return toDeliveryView(row);
}
