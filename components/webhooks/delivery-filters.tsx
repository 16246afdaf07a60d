"use client";

import type { TDeliveryFilters } from "@/lib/client/webhooks/keys";
import { ZWebhookDeliveryStatus, type TWebhookEndpointView } from "@/lib/contracts/webhooks";

type TProps = { endpoints: readonly TWebhookEndpointView[]; value: TDeliveryFilters; onChange: (filters: TDeliveryFilters) => void };

/** Narrows the log to one endpoint and/or one status; each choice applies at once. */
export function DeliveryFilters({ endpoints, value, onChange }: TProps) {
  const status = ZWebhookDeliveryStatus.safeParse(value.status);
  return (
    <div className="filters" role="group" aria-label="Filter deliveries">
      <div className="field">
        <label htmlFor="delivery-endpoint">Endpoint</label>
        <select
          id="delivery-endpoint"
          value={value.endpointId ?? ""}
          onChange={(e) => onChange({ ...value, endpointId: e.target.value || undefined })}
        >
          <option value="">All endpoints</option>
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="delivery-status">Status</label>
        <select
          id="delivery-status"
          value={status.success ? status.data : ""}
          onChange={(e) => onChange({ ...value, status: ZWebhookDeliveryStatus.safeParse(e.target.value).data })}
        >
          <option value="">Any status</option>
          {ZWebhookDeliveryStatus.options.map((option) => (
            <option key={option} value={option}>
              {option.toLowerCase()}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
