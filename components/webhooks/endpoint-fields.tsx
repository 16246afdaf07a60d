"use client";

import { Field, FieldSet } from "@/components/ui/field";
import type { ApiError } from "@/lib/client/api-error";
import { WEBHOOK_EVENT_LABELS, ZWebhookEventType, type TWebhookEventType } from "@/lib/contracts/webhooks";

export type TEndpointValues = { name: string; url: string; events: TWebhookEventType[]; enabled: boolean };
export const ENDPOINT_FIELDS = ["name", "url", "events", "enabled"];

type TProps = { idPrefix: string; value: TEndpointValues; onChange: (value: TEndpointValues) => void; error: ApiError | null };

/** Name, URL, subscribed events and the enabled switch: what creating and editing an endpoint share. */
export function EndpointFields({ idPrefix, value, onChange, error }: TProps) {
  const set = (patch: Partial<TEndpointValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <Field id={`${idPrefix}-name`} label="Name" hint="Where it goes, e.g. #approvals in Slack" error={error?.fieldErrors.name}>
        {(control) => (
          <input {...control} value={value.name} onChange={(e) => set({ name: e.target.value })} maxLength={100} autoComplete="off" />
        )}
      </Field>
      <Field
        id={`${idPrefix}-url`}
        label="URL"
        hint="http(s) only; redirects are not followed. A Slack incoming webhook URL works as it is."
        error={error?.fieldErrors.url}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            value={value.url}
            onChange={(e) => set({ url: e.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <FieldSet id={`${idPrefix}-events`} legend="Events" error={error?.fieldErrors.events}>
        {ZWebhookEventType.options.map((event) => (
          <label className="choice" key={event}>
            <input
              type="checkbox"
              checked={value.events.includes(event)}
              onChange={(e) => set({ events: e.target.checked ? [...value.events, event] : value.events.filter((v) => v !== event) })}
            />
            <code>{event}</code> <span className="muted small">({WEBHOOK_EVENT_LABELS[event]})</span>
          </label>
        ))}
      </FieldSet>
      <div className="field">
        <label className="choice">
          <input type="checkbox" checked={value.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          Enabled (disabling gives up deliveries still waiting to be sent)
        </label>
      </div>
    </>
  );
}
