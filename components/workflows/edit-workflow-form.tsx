"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { useUpdateWorkflow } from "@/lib/client/workflows/use-update-workflow";
import { ZEnvironment } from "@/lib/contracts/registry-enums";
import type { TPerson, TUpdateWorkflow, TWorkflowDetail } from "@/lib/contracts/workflows";
import { APPROVAL_TIMEOUT_HINT, ENVIRONMENT_LABELS } from "./labels";

const FIELDS = ["name", "purpose", "runbook", "approvalTimeoutMinutes", "environment", "ownerId"];
const valuesOf = (w: TWorkflowDetail) => ({
  name: w.name,
  purpose: w.purpose,
  runbook: w.runbook,
  approvalTimeoutMinutes: String(w.approvalTimeoutMinutes),
  environment: w.environment,
  ownerId: w.owner.id,
});
const detailsOf = (w: TWorkflowDetail) => JSON.stringify({ ...valuesOf(w), status: w.status });

/** Name, purpose, runbook, approval timeout; environment while a draft; owner for an ADMIN. Saves only what changed. */
export function EditWorkflowForm({ workflow, owners }: { workflow: TWorkflowDetail; owners: TPerson[] | null }) {
  const update = useUpdateWorkflow(workflow.id);
  const [base, setBase] = useState(workflow);
  const [values, setValues] = useState(() => valuesOf(workflow));
  const [notice, setNotice] = useState<string | null>(null);
  const error = update.error;
  const stale = error?.code === "conflict" && !Object.keys(error.fieldErrors).length;
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });

  function startOver() {
    update.reset();
    setBase(workflow);
    setValues(valuesOf(workflow));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const before = valuesOf(base);
    // Changes elsewhere on the workflow (its RACI chart, say) don't touch these fields: save onto them.
    const expectedVersion = detailsOf(workflow) === detailsOf(base) ? workflow.version : base.version;
    const input: TUpdateWorkflow = { expectedVersion };
    if (values.name.trim() !== before.name) input.name = values.name;
    if (values.purpose.trim() !== before.purpose) input.purpose = values.purpose;
    if (values.runbook.trim() !== before.runbook) input.runbook = values.runbook;
    const minutes = values.approvalTimeoutMinutes.trim();
    // Blank is sent as not-a-number, so the server names the problem instead of keeping the old value.
    if (minutes !== before.approvalTimeoutMinutes) input.approvalTimeoutMinutes = minutes ? Number(minutes) : Number.NaN;
    if (values.environment !== before.environment) input.environment = values.environment;
    if (values.ownerId !== before.ownerId) input.ownerId = values.ownerId;
    if (Object.keys(input).length === 1) return setNotice("Nothing to save: no field was changed.");
    update.mutate(input, {
      onSuccess: (saved) => {
        setBase(saved);
        setValues(valuesOf(saved));
        setNotice(`Saved (version ${saved.version}).`);
      },
    });
  }

  return (
    <form className="form form-grid" onSubmit={onSubmit} noValidate aria-busy={update.isPending} aria-label="Workflow details">
      {notice ? <Alert tone={notice.startsWith("Saved") ? "success" : "info"}>{notice}</Alert> : null}
      {error ? (
        <Alert tone="error" title={stale ? "Someone else changed this workflow first" : error.detail} reference={error.status >= 500 ? error.requestId : null}>
          {stale ? <p>{error.detail}</p> : null}
          {error.otherFieldErrors(FIELDS).map((message) => (
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
      <Field id="edit-approval-timeout" label="Approval timeout (minutes)" hint={APPROVAL_TIMEOUT_HINT} error={error?.fieldErrors.approvalTimeoutMinutes}>
        {(control) => <input {...control} inputMode="numeric" value={values.approvalTimeoutMinutes} onChange={set("approvalTimeoutMinutes")} />}
      </Field>
      <Field id="edit-purpose" label="Purpose" error={error?.fieldErrors.purpose}>
        {(control) => <textarea {...control} rows={3} value={values.purpose} onChange={set("purpose")} />}
      </Field>
      <Field id="edit-runbook" label="Runbook" hint="The manual fallback when the workflow is halted." error={error?.fieldErrors.runbook}>
        {(control) => <textarea {...control} rows={5} value={values.runbook} onChange={set("runbook")} />}
      </Field>
      <FormActions pending={update.isPending} submitLabel="Save details" pendingLabel="Saving…" />
    </form>
  );
}
