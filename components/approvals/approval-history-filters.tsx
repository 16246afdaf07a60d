"use client";

import type { FormEvent } from "react";
import { Field } from "@/components/ui/field";
import type { TApprovalHistoryFilters } from "@/lib/client/approvals/keys";
import { ZDecidedApprovalStatus } from "@/lib/contracts/approvals-console";

const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim() || undefined;

/** Search the decided requests; applied on submit. */
export function ApprovalHistoryFilters({
  value,
  onChange,
}: {
  value: TApprovalHistoryFilters;
  onChange: (filters: TApprovalHistoryFilters) => void;
}) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const status = ZDecidedApprovalStatus.safeParse(data.get("status"));
    onChange({
      q: text(data, "q"),
      workflow: text(data, "workflow"),
      tool: text(data, "tool"),
      approver: text(data, "approver"),
      status: status.success ? status.data : undefined,
    });
  }
  return (
    <form className="filters approval-filters" onSubmit={onSubmit} aria-label="Search decided requests">
      <Field id="history-q" label="Search">
        {(control) => (
          <input {...control} name="q" type="search" defaultValue={value.q ?? ""} placeholder="Workflow, tool, run id or reason" />
        )}
      </Field>
      <Field id="history-workflow" label="Workflow key">
        {(control) => <input {...control} name="workflow" type="search" defaultValue={value.workflow ?? ""} />}
      </Field>
      <Field id="history-tool" label="Tool key">
        {(control) => <input {...control} name="tool" type="search" defaultValue={value.tool ?? ""} />}
      </Field>
      <Field id="history-approver" label="Approver email">
        {(control) => <input {...control} name="approver" type="search" defaultValue={value.approver ?? ""} />}
      </Field>
      <Field id="history-status" label="Outcome">
        {(control) => (
          <select {...control} name="status" defaultValue={value.status ?? ""}>
            <option value="">Every outcome</option>
            {ZDecidedApprovalStatus.options.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0) + s.slice(1).toLowerCase()}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button className="button" type="submit">
        Search
      </button>
    </form>
  );
}
