"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmGroup } from "@/components/ui/confirm-group";
import { useRevokeToken } from "@/lib/client/tokens/use-revoke-token";
import { useRotateToken } from "@/lib/client/tokens/use-rotate-token";
import type { TIssuedToken, TTokenView } from "@/lib/contracts/tokens-admin";

const OVERLAPS = [
  { minutes: 0, label: "None: the old token stops now" },
  { minutes: 15, label: "15 minutes" },
  { minutes: 60, label: "1 hour" },
  { minutes: 1_440, label: "1 day" },
  { minutes: 10_080, label: "7 days" },
];

type TProps = { workflowId: string; token: TTokenView; onRotated: (issued: TIssuedToken) => void; onRevoked: (token: TTokenView) => void };

/** Rotate (choosing how long the old token overlaps) and revoke (after a confirmation) for one token. */
export function TokenActions({ workflowId, token, onRotated, onRevoked }: TProps) {
  const rotate = useRotateToken();
  const revoke = useRevokeToken();
  const [mode, setMode] = useState<"idle" | "rotate" | "revoke">("idle");
  const [overlap, setOverlap] = useState(60);
  const error = rotate.error ?? revoke.error;
  const label = `token ${token.name} (${token.prefix})`;
  const reset = () => {
    rotate.reset();
    revoke.reset();
    setMode("idle");
  };
  const resetThen =
    <T,>(next: (result: T) => void) =>
    (result: T) => {
      reset();
      next(result);
    };

  return (
    <div className="token-actions">
      {error ? <Alert tone="error" title={error.detail} reference={error.status >= 500 ? error.requestId : null} /> : null}
      {mode === "idle" ? (
        <>
          {token.status === "active" ? (
            <button className="button button-small" type="button" aria-label={`Rotate ${label}`} onClick={() => setMode("rotate")}>
              Rotate
            </button>
          ) : null}
          <button className="button button-small" type="button" aria-label={`Revoke ${label}`} onClick={() => setMode("revoke")}>
            Revoke
          </button>
        </>
      ) : null}
      {mode === "rotate" ? (
        <ConfirmGroup
          label={`Rotate ${label}`}
          tone="primary"
          confirmLabel="Rotate now"
          pendingLabel="Rotating…"
          pending={rotate.isPending}
          onConfirm={() =>
            rotate.mutate({ workflowId, tokenId: token.id, input: { overlapMinutes: overlap } }, { onSuccess: resetThen(onRotated) })
          }
          onCancel={reset}
        >
          <label htmlFor={`overlap-${token.id}`}>Keep the old token working for</label>
          <select id={`overlap-${token.id}`} value={overlap} onChange={(e) => setOverlap(Number(e.target.value))}>
            {OVERLAPS.map((o) => (
              <option key={o.minutes} value={o.minutes}>
                {o.label}
              </option>
            ))}
          </select>
        </ConfirmGroup>
      ) : null}
      {mode === "revoke" ? (
        <ConfirmGroup
          label={`Revoke ${label}`}
          tone="danger"
          confirmLabel="Revoke now"
          pendingLabel="Revoking…"
          pending={revoke.isPending}
          onConfirm={() => revoke.mutate({ workflowId, tokenId: token.id }, { onSuccess: resetThen(onRevoked) })}
          onCancel={reset}
        >
          <span>Revoke it? Automations using it are refused from the next call.</span>
        </ConfirmGroup>
      ) : null}
    </div>
  );
}
