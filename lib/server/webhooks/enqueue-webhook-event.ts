import "server-only";
import { randomUUID } from "node:crypto";
import type { TApprovalWebhookData, TWebhookEventType } from "@/lib/contracts/webhooks";
import type { TTx } from "../db/client";
import { buildWebhookPayload } from "./build-webhook-payload";

/**
 * The outbox: one delivery per enabled endpoint subscribed to the event, written in the caller's
 * transaction so a rolled-back change announces nothing. Returns how many deliveries were queued.
 */
export async function enqueueWebhookEvent(tx: TTx, event: { type: TWebhookEventType; data: TApprovalWebhookData }): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { enabled: true, events: { has: event.type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  const occurredAt = new Date();
  const rows = endpoints.map((endpoint) => {
    const id = randomUUID();
    return { id, endpointId: endpoint.id, event: event.type, payload: buildWebhookPayload({ id, occurredAt, ...event }) };
  });
  const { count } = await tx.webhookDelivery.createMany({ data: rows });
  return count;
}
