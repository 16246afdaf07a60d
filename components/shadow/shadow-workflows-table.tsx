import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ActionsHeader, DataTable } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import type { TShadowWorkflowList } from "@/lib/contracts/catalog";

/** Keys the runtime saw without a registration, unregistered first, with the way to register each. */
export function ShadowWorkflowsTable({ list, canRegister }: { list: TShadowWorkflowList; canRegister: boolean }) {
  return (
    <section className="card" aria-labelledby="shadow-title">
      <h2 id="shadow-title">Keys seen at run time</h2>
      {list.truncated ? <p className="hint">Showing the {list.items.length} most relevant keys.</p> : null}
      <DataTable
        columns={
          <>
            <th scope="col">Workflow key</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
            <th scope="col" className="numeric">
              Calls
            </th>
            <th scope="col">Last tool</th>
            <ActionsHeader label="Registration" />
          </>
        }
      >
        {list.items.map((s) => (
          <tr key={s.key}>
            <td>
              <code>{s.key}</code> {s.registered ? <Badge tone="good">Registered</Badge> : <Badge tone="bad">Unregistered</Badge>}
            </td>
            <td>
              <Timestamp iso={s.firstSeenAt} />
            </td>
            <td>
              <Timestamp iso={s.lastSeenAt} />
            </td>
            <td className="numeric">{s.seenCount}</td>
            <td>{s.lastTool ? <code>{s.lastTool}</code> : <span className="muted">—</span>}</td>
            <td className="row-actions">
              {s.workflow ? (
                <Link href={`/workflows/${s.workflow.id}`}>{s.workflow.name}</Link>
              ) : s.registered ? (
                <span className="muted">Registered by another owner</span>
              ) : canRegister ? (
                <Link
                  className="button button-small button-primary"
                  href={`/workflows/new?key=${encodeURIComponent(s.key)}`}
                  aria-label={`Register ${s.key}`}
                >
                  Register this
                </Link>
              ) : (
                <span className="muted">Not registered</span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
