import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import type { TApprovalDetail } from "@/lib/contracts/approvals-console";

/** What the run reported before it asked, oldest first. */
export function ApprovalRunEvents({ runId, events }: { runId: string; events: TApprovalDetail["runEvents"] }) {
  return (
    <Card titleId="run-title" title="The run so far">
      {events.length ? (
        <DataTable
          caption={`Events of run ${runId}`}
          columns={
            <>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Tool or model</th>
              <th scope="col">Outcome</th>
              <th scope="col">Data (redacted)</th>
            </>
          }
        >
          {events.map((event) => (
            <tr key={event.id}>
              <td className="nowrap small">
                <Timestamp iso={event.occurredAt} />
              </td>
              <td>
                <code>{event.type}</code>
              </td>
              <td>{(event.tool ?? event.model) ? <code>{event.tool ?? event.model}</code> : <span className="muted">—</span>}</td>
              <td>{event.outcome ?? <span className="muted">—</span>}</td>
              <td>
                <details>
                  <summary>Show</summary>
                  <pre className="json">{JSON.stringify(event.data, null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="empty-inline">
          Run <code>{runId}</code> has reported no events yet.
        </p>
      )}
    </Card>
  );
}
