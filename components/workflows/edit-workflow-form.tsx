"use client";

import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { ZEnvironment } from "@/lib/contracts/registry-enums";
import type { TPerson, TWorkflowDetail } from "@/lib/contracts/workflows";
import { APPROVAL_TIMEOUT_HINT, ENVIRONMENT_LABELS } from "./labels";
import { useWorkflowDetailsDraft } from "./use-workflow-details-draft";
import { DETAIL_FIELDS } from "./workflow-details-draft";

/** Name, purpose, runbook, approval timeout; environment while a draft; owner for an ADMIN. Saves only what changed. */
export function EditWorkflowForm({ workflow, owners }: { workflow: TWorkflowDetail; owners: TPerson[] | null }) {
  const { base, values, notice, error, stale, pending, set, startOver, save } = useWorkflowDetailsDraft(workflow);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save();
  }

  return (
    <form className="form form-grid" onSubmit={onSubmit} noValidate aria-busy={pending} aria-label="Workflow details">
      {notice ? <Alert tone={notice.startsWith("Saved") ? "success" : "info"}>{notice}</Alert> : null}
      {error ? (
        <Alert
          tone="error"
          title={stale ? "Someone else changed this workflow first" : error.detail}
          reference={error.status >= 500 ? error.requestId : null}
        >
          {stale ? <p>{error.detail}</p> : null}
          {error.otherFieldErrors(DETAIL_FIELDS).map((message) => (
            <p key={message}>{message}</p>
          ))}
          {stale ? (
            <button className="button" type="button" onClick={startOver} disabled={workflow.version === base.version}>
              {workflow.version === base.version ? "Loading the current version…" : "Load the current values"}
            </button>
          ) : null}
        </Alert>
      ) : null}
      <Field id="edit-name" label="Name" error={error?.fieldErrors.name}>
        {(control) => <input {...control} value={values.name} onChange={set("name")} />}
      </Field>
      <Field
        id="edit-environment"
        label="Environment"
        hint={base.status === "DRAFT" ? "Fixed once the workflow leaves draft." : "Fixed: the workflow has left draft."}
        error={error?.fieldErrors.environment}
      >
        {(control) => (
          <select {...control} value={values.environment} onChange={set("environment")} disabled={base.status !== "DRAFT"}>
            {ZEnvironment.options.map((e) => (
              <option key={e} value={e}>
                {ENVIRONMENT_LABELS[e]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {owners ? (
        <Field id="edit-owner" label="Owner" hint="Administrators may hand a workflow to another owner." error={error?.fieldErrors.ownerId}>
          {(control) => (
            <select {...control} value={values.ownerId} onChange={set("ownerId")}>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.email})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field
        id="edit-approval-timeout"
        label="Approval timeout (minutes)"
        hint={APPROVAL_TIMEOUT_HINT}
        error={error?.fieldErrors.approvalTimeoutMinutes}
      >
        {(control) => (
          <input {...control} inputMode="numeric" value={values.approvalTimeoutMinutes} onChange={set("approvalTimeoutMinutes")} />
        )}
      </Field>
      <Field id="edit-purpose" label="Purpose" error={error?.fieldErrors.purpose}>
        {(control) => <textarea {...control} rows={3} value={values.purpose} onChange={set("purpose")} />}
      </Field>
      <Field id="edit-runbook" label="Runbook" hint="The manual fallback when the workflow is halted." error={error?.fieldErrors.runbook}>
        {(control) => <textarea {...control} rows={5} value={values.runbook} onChange={set("runbook")} />}
      </Field>
      <FormActions pending={pending} submitLabel="Save details" pendingLabel="Saving…" />
    </form>
  );
}
