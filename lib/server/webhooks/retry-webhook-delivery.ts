import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TWebhookDeliveryView } from "@/lib/contracts/webhooks";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { conflict, notFound } from "../errors";
import { DELIVERY_VIEW_SELECT, toDeliveryView } from "./delivery-view";

/**
 * Gives a failed delivery one more attempt now (same id and body, so receivers still dedupe);
 * if that fails too it is failed again, without another round of backoff.
 */
export async function retryWebhookDelivery(options: {
  tx: TTx;
  actor: TAuditActor;
  id: string;
  now?: Date;
}): Promise<TWebhookDeliveryView> {
  const { tx, actor, id } = options;
  const now = options.now ?? new Date();
  const locked = await tx.$queryRaw<unknown[]>`SELECT 1 FROM webhook_deliveries WHERE id = ${id}::uuid FOR UPDATE`;
  if (!locked.length) throw notFound("The webhook delivery");
  const current = await tx.webhookDelivery.findUniqueOrThrow({
    where: { id },
    select: { ...DELIVERY_VIEW_SELECT, endpoint: { select: { name: true, enabled: true } } },
  });
  if (current.status === "DELIVERED") throw conflict(`Delivery ${id} was already delivered: there is nothing to retry`);
  if (current.status === "PENDING")
    throw conflict(`Delivery ${id} is still pending: its next attempt is at ${current.nextAttemptAt.toISOString()}`);
  if (!current.endpoint.enabled) throw conflict(`Endpoint ${current.endpoint.name} is disabled: enable it before retrying its deliveries`);

  const row = await tx.webhookDelivery.update({
    where: { id },
    data: { status: "PENDING", nextAttemptAt: now },
    select: DELIVERY_VIEW_SELECT,
  });
  // The insert trigger wakes dispatchers for new deliveries; a retry wakes them the same way, on commit.
  await tx.$executeRaw`SELECT pg_notify('tollgate_webhook', ${id})`;
  await recordAuditEvent(tx, actor, {
    action: "webhook.delivery.retried",
    target: { type: "webhook_endpoint", id: current.endpointId },
    data: { deliveryId: id, event: current.event, attempts: current.attempts },
  });
  return toDeliveryView(row);
}
