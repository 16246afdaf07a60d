import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import { runHref, type TRunRow } from "@/lib/contracts/runs";
import { LabelBadge } from "./label-badge";
import { formatMs, RUN_STATUS_LABELS } from "./labels";

export function RunsTable({ workflowId, runs }: { workflowId: string; runs: readonly TRunRow[] }) {
  return (
    <DataTable
      className="runs-table"
      caption="Runs, newest first"
      columns={
        <>
          <th scope="col">Run</th>
          <th scope="col">Status</th>
          <th scope="col">Started</th>
          <th scope="col">Ended</th>
          <th scope="col">Duration</th>
          <th scope="col">Events</th>
          <th scope="col">Decisions</th>
          <th scope="col">Denials</th>
        </>
      }
    >
      {runs.map((run) => (
        <tr key={run.runId}>
          <td>
            <Link href={runHref(workflowId, run.runId)}>
              <code>{run.runId}</code>
            </Link>
          </td>
          <td className="nowrap">
            <LabelBadge label={RUN_STATUS_LABELS[run.status]} />
          </td>
          <td className="nowrap small">
            <Timestamp iso={run.startedAt} />
          </td>
          <td className="nowrap small">
            <Timestamp iso={run.endedAt} empty="Still running" />
          </td>
          <td className="nowrap numeric">
            {formatMs(run.durationMs)}
            {run.endedAt ? null : <span className="visually-hidden"> so far</span>}
          </td>
          <td className="numeric">{run.events}</td>
          <td className="numeric">{run.decisions}</td>
          <td className="numeric">{run.denials ? <strong className="warn-text">{run.denials}</strong> : 0}</td>
        </tr>
      ))}
    </DataTable>
  );
}
