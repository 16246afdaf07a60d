"use client";

import { Fragment } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ActionsHeader, DataTable } from "@/components/ui/data-table";
import { ListCard } from "@/components/ui/list-card";
import { EditButton, EditRow, useRowEditor } from "@/components/ui/row-editor";
import { useTools } from "@/lib/client/catalog/use-tools";
import type { TToolList } from "@/lib/contracts/catalog";
import { ToolForm } from "./tool-form";

/** The tool catalog; catalog managers also get add and edit. */
export function ToolsAdmin({ initialData, canManage }: { initialData: TToolList; canManage: boolean }) {
  const list = useTools({ initialData });
  const rows = useRowEditor();
  const items = list.data?.items ?? [];
  return (
    <div className="stack">
      <ListCard
        titleId="tools-title"
        title="Tools"
        notices={rows.notice ? <Alert tone="success">{rows.notice}</Alert> : null}
        error={list.error}
        isEmpty={items.length === 0}
        empty={<>No tools in the catalog yet.{canManage ? " Add the first one below." : " Security leads add them."}</>}
      >
        <DataTable
          columns={
            <>
              <th scope="col">Tool</th>
              <th scope="col">System</th>
              <th scope="col">Consequence</th>
              <th scope="col">Argument contract</th>
              <th scope="col" className="numeric">
                Workflows
              </th>
              {canManage ? <ActionsHeader /> : null}
            </>
          }
        >
          {items.map((tool) => (
            <Fragment key={tool.id}>
              <tr>
                <td>
                  <div className="strong">{tool.name}</div>
                  <code>{tool.key}</code>
                </td>
                <td>{tool.system}</td>
                <td>
                  {tool.consequence}{" "}
                  <Badge tone="info" title="The least tier a workflow may grant it">
                    {tool.defaultTier}
                  </Badge>
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
                    <EditButton name={tool.key} open={rows.editing === tool.id} onClick={() => rows.toggle(tool.id)} />
                  </td>
                ) : null}
              </tr>
              {rows.editing === tool.id ? (
                <EditRow colSpan={6}>
                  <ToolForm tool={tool} onDone={rows.close} />
                </EditRow>
              ) : null}
            </Fragment>
          ))}
        </DataTable>
      </ListCard>
      {canManage ? (
        <Card titleId="add-tool-title" title="Add a tool">
          <ToolForm onCreated={(key) => rows.setNotice(`Added ${key}.`)} />
        </Card>
      ) : null}
    </div>
  );
}
