"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { useWithdrawChange } from "@/lib/client/changes/use-withdraw-change";

/** The requester takes back a pending change, after saying so twice. */
export function WithdrawButton({ changeId, onWithdrawn }: { changeId: string; onWithdrawn: (message: string) => void }) {
  const withdraw = useWithdrawChange();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button className="button button-small" type="button" onClick={() => setConfirming(true)}>
        Withdraw request
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label="Confirm withdrawal">
      {withdraw.error ? <Alert tone="error" title={withdraw.error.detail} reference={withdraw.error.requestId} /> : null}
      <span>Withdraw this change request? Nothing of it will apply.</span>
      <button
        className="button button-small"
        type="button"
        disabled={withdraw.isPending}
        onClick={() => withdraw.mutate({ id: changeId }, { onSuccess: () => onWithdrawn("Withdrawn: nothing of it will apply.") })}
      >
        {withdraw.isPending ? "Withdrawing…" : "Yes, withdraw"}
      </button>
      <button className="button button-small button-quiet" type="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </div>
  );
}
