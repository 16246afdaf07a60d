import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { SensitivityBadge, TierBadge } from "./workflow-badges";

/** What the workflow may touch and do, with the catalog facts that decide whether it may go live. */
export function PermissionSummary({ workflow }: { workflow: TWorkflowDetail }) {
  return (
    <>
      <h3>Data classes</h3>
      {workflow.dataClasses.length ? (
        <ul className="chip-list">
          {workflow.dataClasses.map((d) => (
            <li key={d.key}>
              <code>{d.key}</code> {d.name} <SensitivityBadge sensitivity={d.sensitivity} />{" "}
              {d.tags.map((t) => (
                <Badge key={t}>{t}</Badge>
              ))}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None declared.</p>
      )}
      <h3>Models</h3>
      {workflow.models.length ? (
        <ul className="chip-list">
          {workflow.models.map((m) => (
            <li key={m.ref}>
              <code>{m.ref}</code> {m.status === "APPROVED" ? <Badge tone="good">Approved</Badge> : <Badge tone="bad">Suspended</Badge>}{" "}
              <span className="muted small">up to {m.maxSensitivity.toLowerCase()}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None listed.</p>
      )}
      <h3>Tools</h3>
      {workflow.tools.length ? (
        <DataTable
          columns={
            <>
              <th scope="col">Tool</th>
              <th scope="col">Consequence</th>
              <th scope="col">Tier</th>
              <th scope="col">Rate</th>
              <th scope="col">Constraints</th>
            </>
          }
        >
          {workflow.tools.map((t) => (
            <tr key={t.key}>
              <td>
                <code>{t.key}</code>
                <div className="muted small">
                  {t.name} · {t.system}
                  {t.hasContract ? null : (
                    <>
                      {" "}
                      · <Badge tone="bad">no argument contract</Badge>
                    </>
                  )}
                </div>
              </td>
              <td className="small">{t.consequence.replaceAll("_", " ").toLowerCase()}</td>
              <td>
                <TierBadge tier={t.tier} />
                {t.tier !== t.defaultTier ? <span className="muted small"> raised from {t.defaultTier}</span> : null}
              </td>
              <td className="nowrap">{t.ratePerMinute ? `${t.ratePerMinute}/min` : <span className="muted">no limit</span>}</td>
              <td>
                {t.argumentConstraints ? (
                  <details>
                    <summary>JSON Schema</summary>
                    <pre className="json">{JSON.stringify(t.argumentConstraints, null, 2)}</pre>
                  </details>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="muted">No tools allowlisted.</p>
      )}
    </>
  );
}
