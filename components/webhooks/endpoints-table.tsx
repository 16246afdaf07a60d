"use client";

import { Fragment } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ActionsHeader, DataTable } from "@/components/ui/data-table";
import { EditButton, EditRow, useRowEditor } from "@/components/ui/row-editor";
import type { TIssuedWebhookSecret, TWebhookEndpointView } from "@/lib/contracts/webhooks";
import { EditEndpointForm } from "./edit-endpoint-form";
import { EndpointActions } from "./endpoint-actions";

const COLUMNS = 5;

type TProps = {
  endpoints: readonly TWebhookEndpointView[];
  onRotated: (issued: TIssuedWebhookSecret) => void;
  onShowDeliveries: (endpointId: string) => void;
};

/** Endpoints by name and URL, never by secret: events, state, what is waiting or failed, and their actions. */
export function EndpointsTable({ endpoints, onRotated, onShowDeliveries }: TProps) {
  const rows = useRowEditor();
  return (
    <>
      {rows.notice ? <Alert tone="success">{rows.notice}</Alert> : null}
      <DataTable
        columns={
          <>
            <th scope="col">Endpoint</th>
            <th scope="col">Events</th>
            <th scope="col">State</th>
            <th scope="col">Deliveries</th>
            <ActionsHeader />
          </>
        }
      >
        {endpoints.map((endpoint) => (
          <Fragment key={endpoint.id}>
            <tr>
              <td>
                <div className="strong">{endpoint.name}</div>
                <code className="webhook-url">{endpoint.url}</code>
                <div className="muted small">added by {endpoint.createdBy.email}</div>
              </td>
              <td>
                {endpoint.events.map((event) => (
                  <div key={event}>
                    <code>{event}</code>
                  </div>
                ))}
              </td>
              <td>{endpoint.enabled ? <Badge tone="good">enabled</Badge> : <Badge tone="neutral">disabled</Badge>}</td>
              <td>
                <button
                  className="button button-small button-quiet"
                  type="button"
                  onClick={() => onShowDeliveries(endpoint.id)}
                  aria-label={`Show deliveries to ${endpoint.name}`}
                >
                  {endpoint.pending} pending, {endpoint.failed} failed
                </button>
              </td>
              <td className="row-actions">
                <EndpointActions endpoint={endpoint} onRotated={onRotated} onNotice={rows.setNotice} />
                <EditButton name={endpoint.name} open={rows.editing === endpoint.id} onClick={() => rows.toggle(endpoint.id)} />
              </td>
            </tr>
            {rows.editing === endpoint.id ? (
              <EditRow colSpan={COLUMNS}>
                <EditEndpointForm endpoint={endpoint} onDone={rows.close} />
              </EditRow>
            ) : null}
          </Fragment>
        ))}
      </DataTable>
    </>
  );
}
