"use client";

import type { FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { ENVIRONMENT_LABELS } from "@/components/workflows/labels";
import type { TApprovalQueueFilters } from "@/lib/client/approvals/keys";
import { ZApprovalQueueQuery } from "@/lib/contracts/approvals-console";
import { ZEnvironment } from "@/lib/contracts/registry-enums";

const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim() || undefined;

/** Workflow, tier, tool and environment; applied on submit. */
export function ApprovalQueueFilters({
  value,
  onChange,
}: {
  value: TApprovalQueueFilters;
  onChange: (filters: TApprovalQueueFilters) => void;
}) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const tier = ZApprovalQueueQuery.shape.tier.safeParse(text(data, "tier"));
    const environment = ZEnvironment.safeParse(data.get("environment"));
    onChange({
      workflow: text(data, "workflow"),
      tool: text(data, "tool"),
      tier: tier.success ? tier.data : undefined,
      environment: environment.success ? environment.data : undefined,
    });
  }
  return (
    <form className="filters approval-filters" onSubmit={onSubmit} aria-label="Filter the queue">
      <Field id="queue-workflow" label="Workflow key">
        {(control) => (
          <input {...control} name="workflow" type="search" defaultValue={value.workflow ?? ""} placeholder="e.g. support-refunds" />
        )}
      </Field>
      <Field id="queue-tool" label="Tool key">
        {(control) => <input {...control} name="tool" type="search" defaultValue={value.tool ?? ""} placeholder="e.g. stripe.refund" />}
      </Field>
      <Field id="queue-tier" label="Tier">
        {(control) => (
          <select {...control} name="tier" defaultValue={value.tier ?? ""}>
            <option value="">T2 and T3</option>
            <option value="T2">T2: one approver</option>
            <option value="T3">T3: two approvers</option>
          </select>
        )}
      </Field>
      <Field id="queue-environment" label="Environment">
        {(control) => (
          <select {...control} name="environment" defaultValue={value.environment ?? ""}>
            <option value="">Every environment</option>
            {ZEnvironment.options.map((e) => (
              <option key={e} value={e}>
                {ENVIRONMENT_LABELS[e]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button className="button" type="submit">
        Filter
      </button>
    </form>
  );
}
