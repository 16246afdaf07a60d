"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RefreshError } from "@/components/ui/refresh-error";
import type { TDeliveryFilters } from "@/lib/client/webhooks/keys";
import { useWebhookEndpoints } from "@/lib/client/webhooks/use-webhook-endpoints";
import type { TIssuedWebhookSecret, TWebhookDeliveryPage, TWebhookEndpointList } from "@/lib/contracts/webhooks";
import { CreateEndpointForm } from "./create-endpoint-form";
import { DeliveryLog } from "./delivery-log";
import { EndpointsTable } from "./endpoints-table";
import { SecretReveal } from "./secret-reveal";

type TProps = { initialEndpoints: TWebhookEndpointList; initialDeliveries: TWebhookDeliveryPage };

/** Endpoints (add, edit, test, rotate, delete), the one-time secret reveal, and the delivery log. */
export function WebhooksAdmin({ initialEndpoints, initialDeliveries }: TProps) {
  const list = useWebhookEndpoints({ initialData: initialEndpoints });
  const endpoints = list.data?.endpoints ?? initialEndpoints.endpoints;
  // The secret lives only in this component's memory, until the person dismisses it.
  const [issued, setIssued] = useState<(TIssuedWebhookSecret & { rotated: boolean }) | null>(null);
  const [filters, setFilters] = useState<TDeliveryFilters>({});

  return (
    <div className="stack">
      <RefreshError error={list.error} title="Could not refresh the endpoints" />
      {issued ? (
        <SecretReveal
          secret={issued.secret}
          endpointName={issued.endpoint.name}
          rotated={issued.rotated}
          onDismiss={() => setIssued(null)}
        />
      ) : null}
      <Card titleId="endpoints-title" title="Endpoints">
        {endpoints.length ? (
          <EndpointsTable
            endpoints={endpoints}
            onRotated={(rotated) => setIssued({ ...rotated, rotated: true })}
            onShowDeliveries={(endpointId) => setFilters({ endpointId })}
          />
        ) : (
          <EmptyState title="No endpoints yet">
            <p>
              Add one to announce approval requests, escalations and decisions in chat or a paging tool. Each request is signed with the
              endpoint&apos;s secret.
            </p>
          </EmptyState>
        )}
      </Card>
      <Card titleId="new-endpoint-title" title="Add an endpoint">
        <CreateEndpointForm onCreated={(created) => setIssued({ ...created, rotated: false })} />
      </Card>
      <DeliveryLog endpoints={endpoints} filters={filters} onFiltersChange={setFilters} initialPage={initialDeliveries} />
    </div>
  );
}
