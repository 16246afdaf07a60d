"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { usePolicies } from "@/lib/client/policies/use-policies";
import type { TPolicyChangeOpened, TPolicyList } from "@/lib/contracts/policies";
import { PolicyForm } from "./policy-form";
import { PolicyStateBadge } from "./policy-state-badge";

/** The custom policies; security leads also propose new ones here. */
export function PoliciesAdmin({ initialData, canManage }: { initialData: TPolicyList; canManage: boolean }) {
  const list = usePolicies({ initialData });
  const [opened, setOpened] = useState<TPolicyChangeOpened | null>(null);
  const items = list.data?.items ?? [];
  return (
    <div className="stack">
      <section className="card" aria-labelledby="policies-title">
        <h2 id="policies-title">Custom policies</h2>
        {opened ? (
          <Alert tone="success" title={`Proposed ${opened.policy.key} for review`}>
            <p>
              It is not enforced until another security lead approves <Link href={`/changes/${opened.changeRequest.id}`}>the change request</Link>.
            </p>
          </Alert>
        ) : null}
        {list.error ? (
          <Alert tone="error" title="Could not refresh the list" reference={list.error.requestId}>
            {list.error.detail}
          </Alert>
        ) : null}
        {items.length === 0 ? (
          <p className="empty-inline">No custom policies yet.{canManage ? " Propose the first one below." : " Security leads write them."}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Policy</th>
                  <th scope="col">State</th>
                  <th scope="col">Review</th>
                  <th scope="col">Author</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/catalog/policies/${p.id}`} className="strong">
                        {p.name}
                      </Link>
                      <div>
                        <code>{p.key}</code>
                      </div>
                      {p.description ? <div className="muted small">{p.description}</div> : null}
                    </td>
                    <td>
                      <PolicyStateBadge policy={p} />
                    </td>
                    <td>{p.pendingChangeRequestId ? <Link href={`/changes/${p.pendingChangeRequestId}`}>Change awaiting review</Link> : <span className="muted">—</span>}</td>
                    <td>{p.createdBy.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canManage ? (
        <section className="card" aria-labelledby="add-policy-title">
          <h2 id="add-policy-title">Propose a policy</h2>
          <PolicyForm onOpened={setOpened} />
        </section>
      ) : null}
    </div>
  );
}
