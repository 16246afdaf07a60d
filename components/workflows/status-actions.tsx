"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { useChangeWorkflowStatus } from "@/lib/client/workflows/use-change-workflow-status";
import type { TChangeWorkflowStatus, TWorkflowDetail } from "@/lib/contracts/workflows";

type TTo = TChangeWorkflowStatus["to"];

const ACTIONS: Record<TWorkflowDetail["status"], { to: TTo; label: string; hint: string }[]> = {
  DRAFT: [
    { to: "ACTIVE", label: "Activate", hint: "The automation may call Tollgate and be allowed from now on." },
    { to: "RETIRED", label: "Retire", hint: "Retiring is final: the workflow stays as a record and never runs again." },
  ],
  ACTIVE: [
    { to: "PAUSED", label: "Pause", hint: "Every call is denied until it resumes; follow the runbook meanwhile." },
    { to: "RETIRED", label: "Retire", hint: "Retiring is final: the workflow stays as a record and never runs again." },
  ],
  PAUSED: [
    { to: "ACTIVE", label: "Resume", hint: "The registration is checked again before it goes live." },
    { to: "RETIRED", label: "Retire", hint: "Retiring is final: the workflow stays as a record and never runs again." },
  ],
  RETIRED: [],
};

/** Lifecycle buttons; each asks for a reason that goes into the audit log, then confirms. */
export function StatusActions({ workflow }: { workflow: TWorkflowDetail }) {
  const router = useRouter();
  const change = useChangeWorkflowStatus(workflow.id);
  const [pending, setPending] = useState<TTo | null>(null);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const action = ACTIONS[workflow.status].find((a) => a.to === pending);
  const error = change.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pending) return;
    setDone(null);
    change.mutate(
      { to: pending, reason: reason.trim() || undefined, expectedVersion: workflow.version },
      {
        onSuccess: (saved) => {
          setPending(null);
          setReason("");
          setDone(`The workflow is now ${saved.status.toLowerCase()}.`);
          // The page heading's status badge is server-rendered.
          router.refresh();
        },
      },
    );
  }

  if (!ACTIONS[workflow.status].length) return null;
  return (
    <div className="status-actions">
      {done ? <Alert tone="success">{done}</Alert> : null}
      {error ? (
        <Alert
          tone="error"
          title={error.code === "conflict" ? "The status did not change" : error.title}
          reference={error.status >= 500 ? error.requestId : null}
        >
          <p>{error.detail}</p>
        </Alert>
      ) : null}
      <div className="form-actions">
        {ACTIONS[workflow.status].map((a) => (
          <button
            key={a.to}
            type="button"
            className={a.to === "ACTIVE" ? "button button-primary" : "button"}
            aria-expanded={pending === a.to}
            onClick={() => {
              change.reset();
              setPending(pending === a.to ? null : a.to);
            }}
          >
            {a.label}
          </button>
        ))}
      </div>
      {action ? (
        <form className="form status-confirm" onSubmit={onSubmit} aria-label={`${action.label} the workflow`} aria-busy={change.isPending}>
          <p className="muted">{action.hint}</p>
          <Field id="status-reason" label="Reason (recorded in the audit log)" error={error?.fieldErrors.reason}>
            {(control) => <input {...control} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <FormActions
            pending={change.isPending}
            submitLabel={`Confirm: ${action.label.toLowerCase()}`}
            pendingLabel="Saving…"
            onCancel={() => setPending(null)}
          />
        </form>
      ) : null}
    </div>
  );
}
