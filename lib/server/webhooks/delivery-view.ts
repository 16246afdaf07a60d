import "server-only";
import type { TWebhookDeliveryView } from "@/lib/contracts/webhooks";
import type { Prisma } from "../db/generated/client";

// Never the payload: the log says what happened to a delivery, not what it said.
export const DELIVERY_VIEW_SELECT = {
  id: true,
  endpointId: true,
  event: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastError: true,
  deliveredAt: true,
  createdAt: true,
  endpoint: { select: { name: true } },
} satisfies Prisma.WebhookDeliverySelect;

type TDeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof DELIVERY_VIEW_SELECT }>;

export function toDeliveryView(row: TDeliveryRow): TWebhookDeliveryView {
  return {
    id: row.id,
    endpointId: row.endpointId,
    endpointName: row.endpoint.name,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
