"use client";

import { Fragment } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ActionsHeader, DataTable } from "@/components/ui/data-table";
import { ListCard } from "@/components/ui/list-card";
import { EditButton, EditRow, useRowEditor } from "@/components/ui/row-editor";
import { useDataClasses } from "@/lib/client/catalog/use-data-classes";
import { useDeleteDataClass } from "@/lib/client/catalog/use-delete-data-class";
import type { TDataClassList, TDataClassUpdated, TDataClassView } from "@/lib/contracts/catalog";
import { DataClassForm } from "./data-class-form";
import { DeleteButton } from "./delete-button";
import { SensitivityBadge } from "./sensitivity-badge";

function savedNotice(saved: TDataClassUpdated): string {
  const moved = saved.recomputedWorkflows.map((w) => `${w.key} (${w.before ?? "none"} → ${w.after ?? "none"})`);
  return moved.length ? `Saved ${saved.key}. Highest sensitivity re-derived for ${moved.join(", ")}.` : `Saved ${saved.key}.`;
}

/** The data classes table; catalog managers also get add, edit and delete. */
export function DataClassesAdmin({ initialData, canManage }: { initialData: TDataClassList; canManage: boolean }) {
  const list = useDataClasses({ initialData });
  const remove = useDeleteDataClass();
  const rows = useRowEditor();
  const items = list.data?.items ?? [];
  const onDelete = (dc: TDataClassView) => remove.mutate({ id: dc.id }, { onSuccess: () => rows.setNotice(`Deleted ${dc.key}.`) });

  return (
    <div className="stack">
      <ListCard
        titleId="data-classes-title"
        title="Classes"
        notices={
          <>
            {rows.notice ? <Alert tone="success">{rows.notice}</Alert> : null}
            {remove.error ? (
              <Alert
                tone="error"
                title="Could not delete the data class"
                reference={remove.error.status >= 500 ? remove.error.requestId : null}
              >
                {remove.error.detail}
              </Alert>
            ) : null}
          </>
        }
        error={list.error}
        isEmpty={items.length === 0}
        empty={<>No data classes yet.{canManage ? " Add the first one below." : " Security leads define them."}</>}
      >
        <DataTable
          columns={
            <>
              <th scope="col">Data class</th>
              <th scope="col">Sensitivity</th>
              <th scope="col">Tags</th>
              <th scope="col" className="numeric">
                Retention
              </th>
              <th scope="col" className="numeric">
                Workflows
              </th>
              {canManage ? <ActionsHeader /> : null}
            </>
          }
        >
          {items.map((dc) => (
            <Fragment key={dc.id}>
              <tr>
                <td>
                  <div className="strong">{dc.name}</div>
                  <code>{dc.key}</code>
                </td>
                <td>
                  <SensitivityBadge sensitivity={dc.sensitivity} />
                </td>
                <td>{dc.tags.length ? dc.tags.join(", ") : <span className="muted">none</span>}</td>
                <td className="numeric">{dc.retentionDays} days</td>
                <td className="numeric">{dc.workflowCount}</td>
                {canManage ? (
                  <td className="row-actions">
                    <EditButton name={dc.key} open={rows.editing === dc.id} onClick={() => rows.toggle(dc.id)} />
                    <DeleteButton
                      label={dc.key}
                      pending={remove.isPending && remove.variables.id === dc.id}
                      onConfirm={() => onDelete(dc)}
                    />
                  </td>
                ) : null}
              </tr>
              {rows.editing === dc.id ? (
                <EditRow colSpan={6}>
                  <DataClassForm dataClass={dc} onDone={(saved) => rows.close(saved ? savedNotice(saved) : null)} />
                </EditRow>
              ) : null}
            </Fragment>
          ))}
        </DataTable>
      </ListCard>
      {canManage ? (
        <Card titleId="add-data-class-title" title="Add a data class">
          <DataClassForm onCreated={(key) => rows.setNotice(`Added ${key}.`)} />
        </Card>
      ) : null}
    </div>
  );
}
