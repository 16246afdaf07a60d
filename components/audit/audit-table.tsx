import { DataTable } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import type { TAuditEventView } from "@/lib/contracts/audit";

const isEmpty = (data: unknown) => data === null || data === undefined || (typeof data === "object" && Object.keys(data).length === 0);

function Details({ event }: { event: TAuditEventView }) {
  if (isEmpty(event.data)) return <span className="muted">—</span>;
  const json = JSON.stringify(event.data, null, 2);
  return (
    <details>
      <summary>{json.length > 80 ? `${JSON.stringify(event.data).slice(0, 77)}…` : JSON.stringify(event.data)}</summary>
      <pre className="json">{json}</pre>
    </details>
  );
}

function Target({ event }: { event: TAuditEventView }) {
  if (!event.targetType) return <span className="muted">—</span>;
  const id = event.targetId ?? "";
  const full = `${event.targetType}:${id}`;
  // Ids are mostly UUIDs: eight characters tell rows apart, the tooltip carries the rest.
  return (
    <span title={full}>
      {event.targetType}:<code>{id.length > 12 ? `${id.slice(0, 8)}…` : id}</code>
    </span>
  );
}

export function AuditTable({ events }: { events: readonly TAuditEventView[] }) {
  return (
    <DataTable
      className="audit-table"
      columns={
        <>
          <th scope="col">#</th>
          <th scope="col">When</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Details</th>
        </>
      }
    >
      {events.map((event) => (
        <tr key={event.seq}>
          <td className="numeric">{event.seq}</td>
          <td className="nowrap">
            <Timestamp iso={event.occurredAt} />
          </td>
          <td>
            <div>{event.actorLabel}</div>
            <div className="muted small">{event.actorType}</div>
          </td>
          <td>
            <code>{event.action}</code>
          </td>
          <td className="small nowrap">
            <Target event={event} />
          </td>
          <td className="small details-cell">
            <Details event={event} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
