import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import type { TWorkflowListItem, TWorkflowListQuery } from "@/lib/contracts/workflows";
import { ENVIRONMENT_LABELS } from "./labels";
import { listHref } from "./list-href";
import { HaltBadge, SensitivityBadge, StatusBadge, TierBadge } from "./workflow-badges";

type TSort = NonNullable<TWorkflowListQuery["sort"]>;

function SortHeader({ query, sort, label }: { query: TWorkflowListQuery; sort: TSort; label: string }) {
  const current = (query.sort ?? "updatedAt") === sort;
  const order = query.order ?? (sort === "updatedAt" ? "desc" : "asc");
  const next = current ? (order === "asc" ? "desc" : "asc") : sort === "updatedAt" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={current ? (order === "asc" ? "ascending" : "descending") : undefined}>
      <Link className="sort-link" href={listHref(query, { sort, order: next, page: undefined })}>
        {label}
        {current ? <span aria-hidden="true">{order === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

export function WorkflowsTable({ workflows, query }: { workflows: readonly TWorkflowListItem[]; query: TWorkflowListQuery }) {
  return (
    <DataTable
      className="workflows-table"
      columns={
        <>
          <SortHeader query={query} sort="name" label="Workflow" />
          <SortHeader query={query} sort="key" label="Key" />
          <SortHeader query={query} sort="status" label="Status" />
          <th scope="col">Environment</th>
          <th scope="col">Owner</th>
          <th scope="col">Highest data</th>
          <th scope="col">Top tier</th>
          <SortHeader query={query} sort="updatedAt" label="Updated" />
        </>
      }
    >
      {workflows.map((w) => (
        <tr key={w.id}>
          <td>
            <Link className="strong" href={`/workflows/${w.id}`}>
              {w.name}
            </Link>
          </td>
          <td>
            <code>{w.key}</code>
          </td>
          <td>
            <span className="badges">
              <StatusBadge status={w.status} />
              <HaltBadge halt={w.halt} />
            </span>
          </td>
          <td>{ENVIRONMENT_LABELS[w.environment]}</td>
          <td>{w.owner.name}</td>
          <td>
            <SensitivityBadge sensitivity={w.maxSensitivity} />
          </td>
          <td>
            <TierBadge tier={w.maxTier} />
          </td>
          <td className="nowrap small">
            <Timestamp iso={w.updatedAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
