"use client";

import { Alert } from "@/components/ui/alert";
import { ActionsHeader, DataTable } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import type { TDeliveryFilters } from "@/lib/client/webhooks/keys";
import { useRetryWebhookDelivery } from "@/lib/client/webhooks/use-retry-webhook-delivery";
import { useWebhookDeliveries } from "@/lib/client/webhooks/use-webhook-deliveries";
import type { TWebhookDeliveryPage, TWebhookEndpointView } from "@/lib/contracts/webhooks";
import { DeliveryFilters } from "./delivery-filters";
import { DeliveryStatusBadge } from "./delivery-status-badge";

type TProps = {
  endpoints: readonly TWebhookEndpointView[];
  filters: TDeliveryFilters;
  onFiltersChange: (filters: TDeliveryFilters) => void;
  initialPage: TWebhookDeliveryPage;
};

/** Every delivery newest first: what was sent where, how often it was tried, what the receiver said. */
export function DeliveryLog({ endpoints, filters, onFiltersChange, initialPage }: TProps) {
  const log = useWebhookDeliveries({ filters, initialPage });
  const retry = useRetryWebhookDelivery();
  const deliveries = log.data?.pages.flatMap((page) => page.deliveries) ?? [];
  const filtered = Boolean(filters.endpointId || filters.status);

  return (
    <section className="card" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Delivery log</h2>
      <DeliveryFilters endpoints={endpoints} value={filters} onChange={onFiltersChange} />
      {log.error ? <Alert tone="error" title={log.error.message} /> : null}
      {retry.error ? (
        <Alert tone="error" title={retry.error.detail} reference={retry.error.status >= 500 ? retry.error.requestId : null} />
      ) : null}
      {log.isPending ? (
        <p className="muted" role="status">
          Loading deliveries…
        </p>
      ) : null}
      {!log.isPending && deliveries.length === 0 ? (
        <p className="empty-inline">
          {filtered
            ? "No deliveries match these filters."
            : "Nothing sent yet. Approval events and tests appear here as they are delivered."}
        </p>
      ) : null}
      {deliveries.length > 0 ? (
        <DataTable
          columns={
            <>
              <th scope="col">Event</th>
              <th scope="col">Endpoint</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">Next attempt</th>
              <th scope="col">Delivered</th>
              <ActionsHeader />
            </>
          }
        >
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <td>
                <code>{delivery.event}</code>
                <div className="muted small">
                  <Timestamp iso={delivery.createdAt} />
                </div>
              </td>
              <td>{delivery.endpointName}</td>
              <td>
                <DeliveryStatusBadge status={delivery.status} />
              </td>
              <td>{delivery.attempts}</td>
              <td>
                {delivery.lastStatusCode ? <code>{delivery.lastStatusCode}</code> : null}
                {delivery.lastError ? <div className="muted small">{delivery.lastError}</div> : null}
                {!delivery.lastStatusCode && !delivery.lastError ? <span className="muted">—</span> : null}
              </td>
              <td>
                <Timestamp iso={delivery.nextAttemptAt} />
              </td>
              <td>
                <Timestamp iso={delivery.deliveredAt} />
              </td>
              <td className="row-actions">
                {delivery.status === "FAILED" ? (
                  <button
                    className="button button-small"
                    type="button"
                    aria-label={`Retry delivery ${delivery.id} now`}
                    disabled={retry.isPending && retry.variables.id === delivery.id}
                    onClick={() => retry.mutate({ id: delivery.id })}
                  >
                    {retry.isPending && retry.variables.id === delivery.id ? "Retrying…" : "Retry now"}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <div className="load-more">
        {log.hasNextPage ? (
          <button className="button" type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        ) : null}
      </div>
    </section>
  );
}
