"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { FormActions } from "@/components/ui/form-actions";
import { useReplaceRaci } from "@/lib/client/workflows/use-replace-raci";
import type { TRaciAssignment, TWorkflowChoices, TWorkflowDetail } from "@/lib/contracts/workflows";
import { RaciGrid } from "./raci-grid";

const toAssignments = (w: TWorkflowDetail): TRaciAssignment[] =>
  w.raci.map((r) => ({ userId: r.user.id, function: r.function, role: r.role }));
const chartOf = (w: TWorkflowDetail) =>
  JSON.stringify(
    toAssignments(w)
      .map((a) => `${a.userId}/${a.function}/${a.role}`)
      .sort(),
  );

/** Saves the whole chart against the version it was opened on. */
export function RaciEditor({ workflow, people }: { workflow: TWorkflowDetail; people: TWorkflowChoices["people"] }) {
  const replace = useReplaceRaci(workflow.id);
  const [base, setBase] = useState(workflow);
  const [value, setValue] = useState(() => toAssignments(workflow));
  const [saved, setSaved] = useState(false);
  const error = replace.error;
  const stale = error?.code === "conflict";
  // Changes elsewhere on the workflow (its details, say) don't touch the chart: save onto them.
  const expectedVersion = chartOf(workflow) === chartOf(base) ? workflow.version : base.version;

  function startOver() {
    replace.reset();
    setBase(workflow);
    setValue(toAssignments(workflow));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    replace.mutate(
      { assignments: value, expectedVersion },
      {
        onSuccess: (next) => {
          setBase(next);
          setValue(toAssignments(next));
          setSaved(true);
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={replace.isPending} aria-label="RACI chart">
      {saved ? <Alert tone="success">Saved the RACI chart (version {base.version}).</Alert> : null}
      {error ? (
        <Alert
          tone="error"
          title={stale ? "Someone else changed this workflow first" : error.detail}
          reference={error.status >= 500 ? error.requestId : null}
        >
          {stale ? <p>{error.detail}</p> : null}
          {error.otherFieldErrors(["assignments"]).map((message) => (
            <p key={message}>{message}</p>
          ))}
          {stale ? (
            <button className="button" type="button" onClick={startOver} disabled={workflow.version === base.version}>
              {workflow.version === base.version ? "Loading the current chart…" : "Load the current chart"}
            </button>
          ) : null}
        </Alert>
      ) : null}
      <RaciGrid id="raci" people={people} value={value} onChange={setValue} error={error?.fieldErrors.assignments} />
      <FormActions pending={replace.isPending} submitLabel="Save RACI chart" pendingLabel="Saving…" />
    </form>
  );
}
