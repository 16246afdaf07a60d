"use client";

import type { FormEvent } from "react";
import type { TAuditFilters } from "@/lib/client/query-keys";

const text = (data: FormData, key: string) => {
  const value = String(data.get(key) ?? "").trim();
  return value || undefined;
};

export function AuditFilters({ value, onChange }: { value: TAuditFilters; onChange: (filters: TAuditFilters) => void }) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onChange({ action: text(data, "action"), actor: text(data, "actor"), target: text(data, "target") });
  }
  const active = Boolean(value.action || value.actor || value.target);
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Filter events" key={JSON.stringify(value)}>
      <div className="field">
        <label htmlFor="audit-action">Action</label>
        <input id="audit-action" name="action" defaultValue={value.action} placeholder="user. or auth.sign_in.failed" />
      </div>
      <div className="field">
        <label htmlFor="audit-actor">Actor</label>
        <input id="audit-actor" name="actor" defaultValue={value.actor} placeholder="email or id" />
      </div>
      <div className="field">
        <label htmlFor="audit-target">Target</label>
        <input id="audit-target" name="target" defaultValue={value.target} placeholder="user:<id> or an id" />
      </div>
      <div className="form-actions">
        <button className="button" type="submit">
          Filter
        </button>
        {active ? (
          <button className="button button-quiet" type="button" onClick={() => onChange({})}>
            Clear
          </button>
        ) : null}
      </div>
    </form>
  );
}
