"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDecideChange } from "@/lib/client/changes/use-decide-change";
import type { TChangeRequestView } from "@/lib/contracts/changes";

/** Approve or reject a pending change, always with a reason; shown only to reviewers who did not request it. */
export function ReviewForm({ change, onDecided }: { change: TChangeRequestView; onDecided: (message: string) => void }) {
  const approve = useDecideChange("approve");
  const reject = useDecideChange("reject");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const error = approve.error ?? reject.error;
  const busy = approve.isPending || reject.isPending;
  const id = `review-${change.id}`;

  function decide(decision: "approve" | "reject") {
    approve.reset();
    reject.reset();
    if (!reason.trim()) return setMissing(true);
    const mutation = decision === "approve" ? approve : reject;
    mutation.mutate(
      { id: change.id, decision: { reason } },
      {
        onSuccess: (decided) =>
          onDecided(decided.status === "APPROVED" ? "Approved: the change now applies." : "Rejected: nothing changed."),
      },
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    decide("approve");
  };

  return (
    <form className="form review-form" onSubmit={onSubmit} noValidate aria-busy={busy} aria-label={`Review: ${change.summary}`}>
      <FormError error={error} fields={["reason"]} />
      <Field
        id={`${id}-reason`}
        label="Reason for your decision"
        hint="Recorded in the audit log and shown to the requester."
        error={(missing && !reason.trim() ? "Give a reason for your decision" : undefined) ?? error?.fieldErrors.reason}
      >
        {(control) => <textarea {...control} rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button className="button button-primary" type="submit" disabled={busy}>
          {approve.isPending ? "Approving…" : "Approve"}
        </button>
        <button className="button" type="button" disabled={busy} onClick={() => decide("reject")}>
          {reject.isPending ? "Rejecting…" : "Reject"}
        </button>
      </div>
    </form>
  );
}
