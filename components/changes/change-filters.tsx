"use client";

import type { FormEvent } from "react";
import { Field } from "@/components/ui/field";
import type { TChangeFilters } from "@/lib/client/changes/keys";
import { ZChangeStatus, ZChangeSubject } from "@/lib/contracts/changes";

/** Status, subject and workflow filters for the review queue; applied on submit. */
export function ChangeFilters({ value, onChange }: { value: TChangeFilters; onChange: (filters: TChangeFilters) => void }) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const status = ZChangeStatus.safeParse(data.get("status"));
    const subject = ZChangeSubject.safeParse(data.get("subject"));
    const workflow = String(data.get("workflow") ?? "").trim();
    onChange({
      ...(status.success ? { status: status.data } : {}),
      ...(subject.success ? { subject: subject.data } : {}),
      ...(workflow ? { workflow } : {}),
    });
  }
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Filter change requests">
      <Field id="changes-status" label="Status">
        {(control) => (
          <select {...control} name="status" defaultValue={value.status ?? ""}>
            <option value="">Pending first, then decided</option>
            {ZChangeStatus.options.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0) + s.slice(1).toLowerCase()}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="changes-subject" label="Subject">
        {(control) => (
          <select {...control} name="subject" defaultValue={value.subject ?? ""}>
            <option value="">Workflows and policies</option>
            <option value="WORKFLOW">Workflow permissions</option>
            <option value="POLICY">Custom policies</option>
          </select>
        )}
      </Field>
      <Field id="changes-workflow" label="Workflow key">
        {(control) => (
          <input {...control} name="workflow" type="search" defaultValue={value.workflow ?? ""} placeholder="e.g. support-refunds" />
        )}
      </Field>
      <button className="button" type="submit">
        Filter
      </button>
    </form>
  );
}
