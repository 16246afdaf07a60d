"use client";

import { useState } from "react";

/** Two clicks to delete: the first asks, the second does it. */
export function DeleteButton({ label, pending, onConfirm }: { label: string; pending: boolean; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button className="button button-small" type="button" aria-label={`Delete ${label}`} onClick={() => setAsking(true)}>
        Delete
      </button>
    );
  }
  return (
    <>
      <button className="button button-small button-danger" type="button" disabled={pending} onClick={onConfirm}>
        {pending ? "Deleting…" : `Confirm delete ${label}`}
      </button>
      <button className="button button-small button-quiet" type="button" onClick={() => setAsking(false)}>
        Keep
      </button>
    </>
  );
}
