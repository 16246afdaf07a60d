"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RefreshError } from "@/components/ui/refresh-error";
import { useServiceTokens } from "@/lib/client/tokens/use-service-tokens";
import type { TIssuedToken, TTokenList } from "@/lib/contracts/tokens-admin";
import { CreateTokenForm } from "./create-token-form";
import { TokenReveal } from "./token-reveal";
import { TokensTable } from "./tokens-table";

/** A workflow's service tokens; create, rotate and revoke appear only for those who may manage them. */
export function TokensPanel({ initial }: { initial: TTokenList }) {
  const list = useServiceTokens({ workflowId: initial.workflow.id, initialData: initial });
  const data = list.data ?? initial;
  const { workflow } = data;
  // The secret lives only in this component's memory, until the person dismisses it.
  const [issued, setIssued] = useState<TIssuedToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function onIssued(token: TIssuedToken) {
    setNotice(null);
    setIssued(token);
  }

  return (
    <div className="stack">
      <RefreshError error={list.error} title="Could not refresh the tokens" />
      {issued ? (
        <TokenReveal
          secret={issued.secret}
          prefix={issued.token.prefix}
          rotated={issued.previous !== null}
          onDismiss={() => setIssued(null)}
        />
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <Card titleId="tokens-title" title="Tokens">
        {data.tokens.length ? (
          <TokensTable
            workflowId={workflow.id}
            environment={workflow.environment}
            tokens={data.tokens}
            canManage={data.canManage}
            onRotated={onIssued}
            onRevoked={(token) => {
              setIssued(null);
              setNotice(`Revoked ${token.name} (${token.prefix}): it is refused from now on.`);
            }}
          />
        ) : (
          <EmptyState title="No service tokens yet">
            <p>
              An automation calls Tollgate with one of its workflow&apos;s service tokens. A workflow needs at least one before it can be
              activated.
            </p>
          </EmptyState>
        )}
      </Card>
      {data.canManage ? (
        <Card titleId="new-token-title" title="Create a token">
          <CreateTokenForm workflowId={workflow.id} environment={workflow.environment} onIssued={onIssued} />
        </Card>
      ) : null}
    </div>
  );
}
