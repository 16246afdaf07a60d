"use client";

import { useState, type FormEvent } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useCreateWebhookEndpoint } from "@/lib/client/webhooks/use-create-webhook-endpoint";
import type { TIssuedWebhookSecret } from "@/lib/contracts/webhooks";
import { ENDPOINT_FIELDS, EndpointFields, type TEndpointValues } from "./endpoint-fields";

const EMPTY: TEndpointValues = { name: "", url: "", events: ["approval.created", "approval.escalated", "approval.decided"], enabled: true };

/** Adds an endpoint; its secret comes back once, to the parent's reveal box. */
export function CreateEndpointForm({ onCreated }: { onCreated: (issued: TIssuedWebhookSecret) => void }) {
  const create = useCreateWebhookEndpoint();
  const [values, setValues] = useState(EMPTY);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(values, {
      onSuccess: (issued) => {
        setValues(EMPTY);
        onCreated(issued);
      },
    });
  }

  return (
    <form className="form form-grid" onSubmit={onSubmit} noValidate aria-busy={create.isPending} aria-label="Add a webhook endpoint">
      <FormError error={create.error} fields={ENDPOINT_FIELDS} />
      <EndpointFields idPrefix="new-endpoint" value={values} onChange={setValues} error={create.error} />
      <FormActions pending={create.isPending} submitLabel="Add endpoint" pendingLabel="Adding…" />
    </form>
  );
}
