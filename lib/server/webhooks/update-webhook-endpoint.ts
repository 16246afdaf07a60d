import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TUpdateWebhookEndpointInput, TWebhookEndpointView } from "@/lib/contracts/webhooks";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { AppError } from "../errors";
import { endpointRecord, readEndpointView } from "./endpoint-view";
import { lockWebhookEndpoint } from "./lock-webhook-endpoint";
import { requireAllowedTarget } from "./require-allowed-target";

export const DISABLED_BEFORE_DELIVERY = "Endpoint disabled before delivery";

/**
 * Changes an endpoint's name, URL, events or enabled flag. Disabling it gives up its pending
 * deliveries (they stay in the log as failed, retriable once it is enabled again) rather than
 * flooding the receiver with stale news when it comes back.
 */
export async function updateWebhookEndpoint(options: {
  tx: TTx;
  actor: TAuditActor;
  id: string;
  input: TUpdateWebhookEndpointInput;
}): Promise<TWebhookEndpointView> {
  const { tx, actor, id, input } = options;
  if (input.url !== undefined) requireAllowedTarget({ url: input.url });
  const current = await lockWebhookEndpoint(tx, id);
  const next = {
    name: input.name ?? current.name,
    url: input.url ?? current.url,
    events: input.events ?? current.events,
    enabled: input.enabled ?? current.enabled,
  };
  if (JSON.stringify(next) === JSON.stringify({ name: current.name, url: current.url, events: current.events, enabled: current.enabled })) {
    throw new AppError("bad_request", `Nothing to change: ${current.name} already has these values`);
  }
  await tx.webhookEndpoint.update({ where: { id }, data: next });
  if (current.enabled && !next.enabled) {
    await tx.webhookDelivery.updateMany({
      where: { endpointId: id, status: "PENDING" },
      data: { status: "FAILED", lastError: DISABLED_BEFORE_DELIVERY },
    });
  }
  await recordAuditEvent(tx, actor, {
    action: "webhook.endpoint.changed",
    target: { type: "webhook_endpoint", id },
    data: { before: endpointRecord(current), after: endpointRecord(next) },
  });
  return readEndpointView(tx, id);
}
