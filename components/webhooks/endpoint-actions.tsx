"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmGroup } from "@/components/ui/confirm-group";
import { useDeleteWebhookEndpoint } from "@/lib/client/webhooks/use-delete-webhook-endpoint";
import { useRotateWebhookSecret } from "@/lib/client/webhooks/use-rotate-webhook-secret";
import { useSendTestWebhook } from "@/lib/client/webhooks/use-send-test-webhook";
import type { TIssuedWebhookSecret, TWebhookEndpointView } from "@/lib/contracts/webhooks";

type TProps = {
  endpoint: TWebhookEndpointView;
  onRotated: (issued: TIssuedWebhookSecret) => void;
  onNotice: (message: string) => void;
};

/** Send a test, rotate the secret and delete (the last two after a confirmation) for one endpoint. */
export function EndpointActions({ endpoint, onRotated, onNotice }: TProps) {
  const sendTest = useSendTestWebhook();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhookEndpoint();
  const [mode, setMode] = useState<"idle" | "rotate" | "delete">("idle");
  const error = sendTest.error ?? rotate.error ?? remove.error;
  const reset = () => {
    sendTest.reset();
    rotate.reset();
    remove.reset();
    setMode("idle");
  };

  return (
    <div className="token-actions">
      {error ? <Alert tone="error" title={error.detail} reference={error.status >= 500 ? error.requestId : null} /> : null}
      {mode === "idle" ? (
        <div>
          <button
            className="button button-small"
            type="button"
            aria-label={`Send a test to ${endpoint.name}`}
            disabled={!endpoint.enabled || sendTest.isPending}
            title={endpoint.enabled ? undefined : "Enable the endpoint to send a test"}
            onClick={() =>
              sendTest.mutate(
                { id: endpoint.id },
                { onSuccess: () => onNotice(`Test delivery queued for ${endpoint.name}: watch the delivery log.`) },
              )
            }
          >
            {sendTest.isPending ? "Sending…" : "Send test"}
          </button>{" "}
          <button
            className="button button-small"
            type="button"
            aria-label={`Rotate the secret of ${endpoint.name}`}
            onClick={() => setMode("rotate")}
          >
            Rotate secret
          </button>{" "}
          <button className="button button-small" type="button" aria-label={`Delete ${endpoint.name}`} onClick={() => setMode("delete")}>
            Delete
          </button>
        </div>
      ) : null}
      {mode === "rotate" ? (
        <ConfirmGroup
          label={`Rotate the secret of ${endpoint.name}`}
          tone="primary"
          confirmLabel="Rotate now"
          pendingLabel="Rotating…"
          pending={rotate.isPending}
          onConfirm={() => rotate.mutate({ id: endpoint.id }, { onSuccess: (issued) => (reset(), onRotated(issued)) })}
          onCancel={reset}
        >
          <span>Rotate it? Requests are signed with the new secret at once: update the receiver right after.</span>
        </ConfirmGroup>
      ) : null}
      {mode === "delete" ? (
        <ConfirmGroup
          label={`Delete ${endpoint.name}`}
          tone="danger"
          confirmLabel="Delete now"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          onConfirm={() =>
            remove.mutate({ id: endpoint.id }, { onSuccess: () => (reset(), onNotice(`Deleted ${endpoint.name} and its delivery log.`)) })
          }
          onCancel={reset}
        >
          <span>Delete it and its delivery log? Nothing more is sent to it.</span>
        </ConfirmGroup>
      ) : null}
    </div>
  );
}
