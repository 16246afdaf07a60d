"use client";

import { useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useSetModelStatus } from "@/lib/client/catalog/use-set-model-status";
import type { TModelDetail } from "@/lib/contracts/catalog";

/** Suspends an approved model or approves a suspended one, always with a reason. */
export function ModelStatusForm({ model, onChanged }: { model: TModelDetail; onChanged: (detail: TModelDetail) => void }) {
  const setStatus = useSetModelStatus();
  const [reason, setReason] = useState("");
  const next = model.status === "APPROVED" ? "SUSPENDED" : "APPROVED";
  const verb = next === "SUSPENDED" ? "Suspend" : "Approve again";
  const error = setStatus.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus.mutate(
      { id: model.id, input: { status: next, reason } },
      {
        onSuccess: (detail) => {
          setReason("");
          onChanged(detail);
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={setStatus.isPending} aria-label={`${verb} ${model.ref}`}>
      <FormError error={error} fields={["reason", "status"]} />
      <TextField
        id="model-status-reason"
        label={next === "SUSPENDED" ? "Why suspend it?" : "Why approve it again?"}
        hint={next === "SUSPENDED" ? "Run-time decisions naming a suspended model are denied at once." : undefined}
        error={error?.fieldErrors.reason ?? error?.fieldErrors.status}
        value={reason}
        onChange={setReason}
      />
      <div className="form-actions">
        <button
          className={next === "SUSPENDED" ? "button button-danger" : "button button-primary"}
          type="submit"
          disabled={setStatus.isPending}
        >
          {setStatus.isPending ? "Saving…" : `${verb} ${model.ref}`}
        </button>
      </div>
    </form>
  );
}
