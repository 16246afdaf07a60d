"use client";

import { Fragment, useState } from "react";
import { Alert } from "@/components/ui/alert";
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
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = list.data?.items ?? [];

  const toggleEdit = (dc: TDataClassView) => {
    setNotice(null);
    setEditing(editing === dc.id ? null : dc.id);
  };
  const onDelete = (dc: TDataClassView) => remove.mutate({ id: dc.id }, { onSuccess: () => setNotice(`Deleted ${dc.key}.`) });

  return (
    <div className="stack">
      <section className="card" aria-labelledby="data-classes-title">
        <h2 id="data-classes-title">Classes</h2>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {remove.error ? (
          <Alert tone="error" title="Could not delete the data class" reference={remove.error.status >= 500 ? remove.error.requestId : null}>
            {remove.error.detail}
          </Alert>
        ) : null}
        {list.error ? (
          <Alert tone="error" title="Could not refresh the list" reference={list.error.requestId}>
            {list.error.detail}
          </Alert>
        ) : null}
        {items.length === 0 ? (
          <p className="empty-inline">No data classes yet.{canManage ? " Add the first one below." : " Security leads define them."}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Data class</th>
                  <th scope="col">Sensitivity</th>
                  <th scope="col">Tags</th>
                  <th scope="col" className="numeric">Retention</th>
                  <th scope="col" className="numeric">Workflows</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
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
                          <button className="button button-small" type="button" aria-label={`Edit ${dc.key}`} aria-expanded={editing === dc.id} onClick={() => toggleEdit(dc)}>
                            Edit
                          </button>
                          <DeleteButton label={dc.key} pending={remove.isPending && remove.variables.id === dc.id} onConfirm={() => onDelete(dc)} />
                        </td>
                      ) : null}
                    </tr>
                    {editing === dc.id ? (
                      <tr className="edit-row">
                        <td colSpan={6}>
                          <DataClassForm
                            dataClass={dc}
                            onDone={(saved) => {
                              setEditing(null);
                              setNotice(saved ? savedNotice(saved) : null);
                            }}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canManage ? (
        <section className="card" aria-labelledby="add-data-class-title">
          <h2 id="add-data-class-title">Add a data class</h2>
          <DataClassForm onCreated={(key) => setNotice(`Added ${key}.`)} />
        </section>
      ) : null}
    </div>
  );
}
