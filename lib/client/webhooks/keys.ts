import type { TWebhookDeliveriesQuery } from "@/lib/contracts/webhooks";

export type TDeliveryFilters = Pick<TWebhookDeliveriesQuery, "endpointId" | "status">;

/** React Query keys for webhooks; mutations invalidate exactly these. */
export const webhookKeys = {
  all: () => ["webhooks"] as const,
  endpoints: () => ["webhooks", "endpoints"] as const,
  deliveries: (filters: TDeliveryFilters = {}) => ["webhooks", "deliveries", filters] as const,
  allDeliveries: () => ["webhooks", "deliveries"] as const,
};
