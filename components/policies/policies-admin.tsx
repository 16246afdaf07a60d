"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListCard } from "@/components/ui/list-card";
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
      <ListCard
        titleId="policies-title"
        title="Custom policies"
        notices={
          opened ? (
            <Alert tone="success" title={`Proposed ${opened.policy.key} for review`}>
              <p>
                It is not enforced until another security lead approves{" "}
                <Link href={`/changes/${opened.changeRequest.id}`}>the change request</Link>.
              </p>
            </Alert>
          ) : null
        }
        error={list.error}
        isEmpty={items.length === 0}
        empty={<>No custom policies yet.{canManage ? " Propose the first one below." : " Security leads write them."}</>}
      >
        <DataTable
          columns={
            <>
              <th scope="col">Policy</th>
              <th scope="col">State</th>
              <th scope="col">Review</th>
              <th scope="col">Author</th>
            </>
          }
        >
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
              <td>
                {p.pendingChangeRequestId ? (
                  <Link href={`/changes/${p.pendingChangeRequestId}`}>Change awaiting review</Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>{p.createdBy.name}</td>
            </tr>
          ))}
        </DataTable>
      </ListCard>
      {canManage ? (
        <Card titleId="add-policy-title" title="Propose a policy">
          <PolicyForm onOpened={setOpened} />
        </Card>
      ) : null}
    </div>
  );
}
