"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmGroup } from "@/components/ui/confirm-group";
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
    <ConfirmGroup
      label="Confirm withdrawal"
      confirmLabel="Yes, withdraw"
      pendingLabel="Withdrawing…"
      pending={withdraw.isPending}
      onConfirm={() => withdraw.mutate({ id: changeId }, { onSuccess: () => onWithdrawn("Withdrawn: nothing of it will apply.") })}
      cancelLabel="Keep it"
      onCancel={() => setConfirming(false)}
    >
      {withdraw.error ? <Alert tone="error" title={withdraw.error.detail} reference={withdraw.error.requestId} /> : null}
      <span>Withdraw this change request? Nothing of it will apply.</span>
    </ConfirmGroup>
  );
}
