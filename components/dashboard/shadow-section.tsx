import Link from "next/link";
import { Card } from "@/components/ui/card";
import { FiguresTable } from "@/components/charts/figures-table";
import { Timestamp } from "@/components/ui/timestamp";
import { formatCount } from "@/components/scorecard/scorecard-format";
import type { TDashboard } from "@/lib/contracts/dashboard";

/** Workflow keys the gate saw that nobody registered: automations running outside the registry. */
export function ShadowSection({ shadow }: { shadow: TDashboard["shadow"] }) {
  return (
    <Card titleId="shadow-title" title="Shadow workflows">
      {shadow.total === 0 ? (
        <p className="empty-inline">
          None seen. When an automation reports events under a workflow key nobody registered, it appears here.
        </p>
      ) : (
        <>
          <p>
            <strong>{formatCount(shadow.total)}</strong> unregistered workflow key{shadow.total === 1 ? "" : "s"} reported events.
          </p>
          <FiguresTable
            caption="Shadow workflows with recent activity, busiest first"
            columns={
              <>
                <th scope="col">Workflow key</th>
                <th scope="col" className="numeric">
                  Events
                </th>
                <th scope="col">Last seen</th>
              </>
            }
          >
            {shadow.recent.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  <code>{row.key}</code>
                </th>
                <td className="numeric">{formatCount(row.events)}</td>
                <td>
                  <Timestamp iso={row.lastSeenAt} />
                </td>
              </tr>
            ))}
          </FiguresTable>
        </>
      )}
      <p className="card-footer-link">
        <Link href="/shadow-workflows">All shadow workflows</Link>
      </p>
    </Card>
  );
}
