"use client";

import { ActionsHeader, DataTable } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import { TOKEN_SCOPE_LABELS, type TIssuedToken, type TTokenView } from "@/lib/contracts/tokens-admin";
import { TokenActions } from "./token-actions";
import { TokenStatusBadge } from "./token-status-badge";

type TProps = {
  workflowId: string;
  /** The workflow's environment: a token issued for another one is refused at every use. */
  environment: string;
  tokens: readonly TTokenView[];
  canManage: boolean;
  onRotated: (issued: TIssuedToken) => void;
  onRevoked: (token: TTokenView) => void;
};

/** Tokens by prefix, never by secret: scopes, environment, who made them, last use, expiry and status. */
export function TokensTable({ workflowId, environment, tokens, canManage, onRotated, onRevoked }: TProps) {
  return (
    <DataTable
      columns={
        <>
          <th scope="col">Token</th>
          <th scope="col">Scopes</th>
          <th scope="col">Environment</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Expires</th>
          <th scope="col">Status</th>
          {canManage ? <ActionsHeader /> : null}
        </>
      }
    >
      {tokens.map((token) => (
        <tr key={token.id}>
          <td>
            <div className="strong">{token.name}</div>
            <code>tg_{token.prefix}_…</code>
          </td>
          <td>{token.scopes.map((s) => TOKEN_SCOPE_LABELS[s]).join(", ")}</td>
          <td>
            {token.environment.toLowerCase()}
            {token.environment === environment ? null : (
              <div className="error small">Not this workflow&apos;s environment: refused at every use. Revoke it.</div>
            )}
          </td>
          <td>
            <Timestamp iso={token.createdAt} />
            <div className="muted small">by {token.createdBy.email}</div>
          </td>
          <td>
            <Timestamp iso={token.lastUsedAt} empty="Never" />
          </td>
          <td>
            <Timestamp iso={token.expiresAt} />
          </td>
          <td>
            <TokenStatusBadge token={token} />
          </td>
          {canManage ? (
            <td className="row-actions">
              {token.status === "active" || token.status === "expiring" ? (
                <TokenActions workflowId={workflowId} token={token} onRotated={onRotated} onRevoked={onRevoked} />
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
