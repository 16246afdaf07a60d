"use client";

import { Fragment, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { useTools } from "@/lib/client/catalog/use-tools";
import type { TToolList } from "@/lib/contracts/catalog";
import { ToolForm } from "./tool-form";

/** The tool catalog; catalog managers also get add and edit. */
export function ToolsAdmin({ initialData, canManage }: { initialData: TToolList; canManage: boolean }) {
  const list = useTools({ initialData });
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  return (
    <div className="stack">
      <section className="card" aria-labelledby="tools-title">
        <h2 id="tools-title">Tools</h2>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {list.error ? (
          <Alert tone="error" title="Could not refresh the list" reference={list.error.requestId}>
            {list.error.detail}
          </Alert>
        ) : null}
        {items.length === 0 ? (
          <p className="empty-inline">No tools in the catalog yet.{canManage ? " Add the first one below." : " Security leads add them."}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Tool</th>
                  <th scope="col">System</th>
                  <th scope="col">Consequence</th>
                  <th scope="col">Argument contract</th>
                  <th scope="col" className="numeric">Workflows</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {items.map((tool) => (
                  <Fragment key={tool.id}>
                    <tr>
                      <td>
                        <div className="strong">{tool.name}</div>
                        <code>{tool.key}</code>
                      </td>
                      <td>{tool.system}</td>
                      <td>
                        {tool.consequence} <Badge tone="info" title="The least tier a workflow may grant it">{tool.defaultTier}</Badge>
                      </td>
                      <td>
                        <details>
                          <summary>JSON Schema</summary>
                          <pre className="json">{JSON.stringify(tool.argumentSchema, null, 2)}</pre>
                        </details>
                      </td>
                      <td className="numeric">{tool.workflowCount}</td>
                      {canManage ? (
                        <td className="row-actions">
                          <button
                            className="button button-small"
                            type="button"
                            aria-label={`Edit ${tool.key}`}
                            aria-expanded={editing === tool.id}
                            onClick={() => {
                              setNotice(null);
                              setEditing(editing === tool.id ? null : tool.id);
                            }}
                          >
                            Edit
                          </button>
                        </td>
                      ) : null}
                    </tr>
                    {editing === tool.id ? (
                      <tr className="edit-row">
                        <td colSpan={6}>
                          <ToolForm
                            tool={tool}
                            onDone={(message) => {
                              setEditing(null);
                              setNotice(message);
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
        <section className="card" aria-labelledby="add-tool-title">
          <h2 id="add-tool-title">Add a tool</h2>
          <ToolForm onCreated={(key) => setNotice(`Added ${key}.`)} />
        </section>
      ) : null}
    </div>
  );
}
