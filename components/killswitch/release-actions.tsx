"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useReleaseStep } from "@/lib/client/killswitch/use-release-step";
import type { TKillSwitchView } from "@/lib/contracts/killswitch";

/** Who is looking: only Security people see release controls (the server re-checks every step). */
export type TKillSwitchViewer = { id: string; isSecurity: boolean };

/** The two-person release, as this Security person may take part in it: request, confirm another's request, or withdraw their own. */
export function ReleaseActions({ ks, viewer }: { ks: TKillSwitchView; viewer: TKillSwitchViewer }) {
  const request = useReleaseStep("request");
  const confirm = useReleaseStep("confirm");
  const withdraw = useReleaseStep("withdraw");
  const [reason, setReason] = useState("");
  const error = request.error ?? confirm.error ?? withdraw.error;
  const busy = request.isPending || confirm.isPending || withdraw.isPending;
  const requester = ks.releaseRequestedBy;
  const mine = requester?.id === viewer.id;
  const id = `release-${ks.id}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    [request, confirm, withdraw].forEach((m) => m.reset());
    if (!requester) request.mutate({ id: ks.id, reason }, { onSuccess: () => setReason("") });
    else confirm.mutate({ id: ks.id, reason: reason.trim() || undefined });
  };

  if (mine) {
    return (
      <div className="form-actions">
        {error ? <Alert tone="error" title={error.detail} reference={error.requestId} /> : null}
        <span className="muted small">You requested this release, so a different Security person must confirm it.</span>
        <button className="button button-small" type="button" disabled={busy} onClick={() => withdraw.mutate({ id: ks.id })}>
          {withdraw.isPending ? "Withdrawing…" : "Withdraw release request"}
        </button>
      </div>
    );
  }
  return (
    <form
      className="form review-form"
      onSubmit={onSubmit}
      noValidate
      aria-busy={busy}
      aria-label={requester ? "Confirm release" : "Request release"}
    >
      <FormError error={error} fields={["reason"]} />
      <Field
        id={`${id}-reason`}
        label={requester ? "Reason for confirming (optional)" : "Reason for releasing"}
        hint={requester ? "Recorded in the audit log." : "A different Security person confirms before automations run again."}
        error={error?.fieldErrors.reason}
      >
        {(control) => <textarea {...control} rows={2} required={!requester} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button className={requester ? "button button-primary" : "button"} type="submit" disabled={busy}>
          {requester ? (confirm.isPending ? "Releasing…" : "Confirm release") : request.isPending ? "Requesting…" : "Request release"}
        </button>
      </div>
    </form>
  );
}
