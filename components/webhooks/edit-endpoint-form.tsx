"use client";

import { useState, type FormEvent } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useUpdateWebhookEndpoint } from "@/lib/client/webhooks/use-update-webhook-endpoint";
import type { TUpdateWebhookEndpoint, TWebhookEndpointView } from "@/lib/contracts/webhooks";
import { ENDPOINT_FIELDS, EndpointFields, type TEndpointValues } from "./endpoint-fields";

const sameEvents = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((e) => b.includes(e));

/** Edits one endpoint, sending only what changed. */
export function EditEndpointForm({ endpoint, onDone }: { endpoint: TWebhookEndpointView; onDone: (message: string | null) => void }) {
  const update = useUpdateWebhookEndpoint();
  const [values, setValues] = useState<TEndpointValues>(endpoint);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: TUpdateWebhookEndpoint = {};
    if (values.name.trim() !== endpoint.name) input.name = values.name;
    if (values.url.trim() !== endpoint.url) input.url = values.url;
    if (!sameEvents(values.events, endpoint.events)) input.events = values.events;
    if (values.enabled !== endpoint.enabled) input.enabled = values.enabled;
    if (Object.keys(input).length === 0) return onDone(null);
    update.mutate({ id: endpoint.id, input }, { onSuccess: (saved) => onDone(`Saved changes to ${saved.name}.`) });
  }

  return (
    <form className="form edit-form" onSubmit={onSubmit} noValidate aria-busy={update.isPending} aria-label={`Edit ${endpoint.name}`}>
      <FormError error={update.error} fields={ENDPOINT_FIELDS} />
      <EndpointFields idPrefix={`edit-${endpoint.id}`} value={values} onChange={setValues} error={update.error} />
      <FormActions pending={update.isPending} submitLabel="Save" pendingLabel="Saving…" onCancel={() => onDone(null)} />
    </form>
  );
}
