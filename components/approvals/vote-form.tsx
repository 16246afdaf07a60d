"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useVoteOnApproval } from "@/lib/client/approvals/use-vote-on-approval";
import type { TApprovalDetail } from "@/lib/contracts/approvals-console";

const MIN_REASON = 3;

/**
 * Approve or deny with a reason; Security may also break glass (approve alone) with an incident
 * reference. Shown only to those the server says may decide; the server checks again on submit.
 */
export function VoteForm({ approval, onVoted }: { approval: TApprovalDetail; onVoted: (message: string) => void }) {
  const { viewer } = approval;
  const mutation = useVoteOnApproval();
  const [reason, setReason] = useState("");
  const [breakGlass, setBreakGlass] = useState(!viewer.canVote);
  const [incidentRef, setIncidentRef] = useState("");
  const [tried, setTried] = useState(false);
  const [pendingVote, setPendingVote] = useState<"APPROVE" | "DENY" | null>(null);
  const error = mutation.error;

  const reasonProblem = tried && reason.trim().length < MIN_REASON ? `Give a reason of at least ${MIN_REASON} characters` : undefined;
  const incidentProblem = tried && breakGlass && incidentRef.trim().length < 3 ? "Give the incident reference (e.g. INC-1234)" : undefined;

  function submit(vote: "APPROVE" | "DENY") {
    setTried(true);
    mutation.reset();
    if (reason.trim().length < MIN_REASON || (breakGlass && vote === "APPROVE" && incidentRef.trim().length < 3)) return;
    setPendingVote(vote);
    const body = { vote, reason, ...(breakGlass && vote === "APPROVE" ? { breakGlass: { incidentRef } } : {}) };
    mutation.mutate({ id: approval.id, vote: body }, { onSuccess: (outcome) => onVoted(outcome.message) });
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit("APPROVE");
  };

  return (
    <form className="form vote-form" onSubmit={onSubmit} noValidate aria-busy={mutation.isPending} aria-label="Your decision">
      {viewer.refusal ? <Alert tone="info">{viewer.refusal}</Alert> : null}
      <FormError error={error} fields={["reason", "breakGlass"]} />
      <Field
        id="vote-reason"
        label="Reason for your decision"
        hint="Required. Recorded in the audit log and sent with the outcome."
        error={reasonProblem ?? error?.fieldErrors.reason}
      >
        {(control) => <textarea {...control} rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {viewer.canBreakGlass ? (
        <fieldset className="field break-glass">
          <legend>Break-glass</legend>
          <label className="choice">
            <input type="checkbox" checked={breakGlass} disabled={!viewer.canVote} onChange={(e) => setBreakGlass(e.target.checked)} />
            Approve alone, without the other approvals, for an incident
          </label>
          {breakGlass ? (
            <Field
              id="vote-incident"
              label="Incident reference"
              hint="Required. Break-glass approvals are flagged in the audit log and the history."
              error={incidentProblem ?? error?.fieldErrors.breakGlass}
            >
              {(control) => (
                <input
                  {...control}
                  value={incidentRef}
                  onChange={(e) => setIncidentRef(e.target.value)}
                  placeholder="INC-1234"
                  autoComplete="off"
                />
              )}
            </Field>
          ) : null}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button className={breakGlass ? "button button-danger" : "button button-primary"} type="submit" disabled={mutation.isPending}>
          {mutation.isPending && pendingVote === "APPROVE" ? "Approving…" : breakGlass ? "Approve by break-glass" : "Approve"}
        </button>
        {viewer.canVote ? (
          <button className="button" type="button" disabled={mutation.isPending} onClick={() => submit("DENY")}>
            {mutation.isPending && pendingVote === "DENY" ? "Denying…" : "Deny"}
          </button>
        ) : null}
      </div>
    </form>
  );
}
