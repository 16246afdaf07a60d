"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ListCard } from "@/components/ui/list-card";
import { useModels } from "@/lib/client/catalog/use-models";
import type { TModelList } from "@/lib/contracts/catalog";
import { ModelForm } from "./model-form";
import { ModelStatusBadge } from "./model-status-badge";
import { SensitivityBadge } from "./sensitivity-badge";

/** The approved models table; each model's page shows its terms, its workflows and its status control. */
export function ModelsAdmin({ initialData, canManage }: { initialData: TModelList; canManage: boolean }) {
  const list = useModels({ initialData });
  const [notice, setNotice] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  return (
    <div className="stack">
      <ListCard
        titleId="models-title"
        title="Models"
        notices={notice ? <Alert tone="success">{notice}</Alert> : null}
        error={list.error}
        isEmpty={items.length === 0}
        empty={<>No models approved yet.{canManage ? " Approve the first one below." : " Security leads approve them."}</>}
      >
        <DataTable
          columns={
            <>
              <th scope="col">Model</th>
              <th scope="col">Status</th>
              <th scope="col">Highest sensitivity</th>
              <th scope="col">Regions</th>
              <th scope="col">Retention · training · logging</th>
              <th scope="col" className="numeric">
                Workflows
              </th>
            </>
          }
        >
          {items.map((m) => (
            <tr key={m.id}>
              <td>
                <Link href={`/catalog/models/${m.id}`} className="strong">
                  {m.ref}
                </Link>
              </td>
              <td>
                <ModelStatusBadge status={m.status} />
              </td>
              <td>
                <SensitivityBadge sensitivity={m.maxSensitivity} />
              </td>
              <td>{m.regions.join(", ")}</td>
              <td>
                {m.dataRetentionDays} days · {m.trainingOptOut ? "opted out of training" : <strong>may train on data</strong>}
                <div className="muted small">{m.loggingPolicy}</div>
              </td>
              <td className="numeric">{m.workflowCount}</td>
            </tr>
          ))}
        </DataTable>
      </ListCard>
      {canManage ? (
        <Card titleId="add-model-title" title="Approve a model">
          <ModelForm onCreated={(ref) => setNotice(`Approved ${ref}.`)} />
        </Card>
      ) : null}
    </div>
  );
}
