import { DataTable } from "@/components/ui/data-table";
import type { TPermissionSet } from "@/lib/contracts/registry";

/** The permissions as they stand, for readers who may not change them: no controls at all. */
export function PermissionsSummary({ permissions }: { permissions: TPermissionSet }) {
  const list = (items: readonly string[], empty: string) =>
    items.length ? (
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item}>
            <code>{item}</code>
          </li>
        ))}
      </ul>
    ) : (
      <p className="muted">{empty}</p>
    );
  return (
    <div className="stack">
      <section aria-labelledby="summary-data-title">
        <h3 id="summary-data-title">Data classes</h3>
        {list(permissions.dataClassKeys, "No data classes declared.")}
      </section>
      <section aria-labelledby="summary-models-title">
        <h3 id="summary-models-title">Models</h3>
        {list(permissions.modelRefs, "No models listed.")}
      </section>
      <section aria-labelledby="summary-tools-title">
        <h3 id="summary-tools-title">Tools</h3>
        {permissions.tools.length ? (
          <DataTable
            columns={
              <>
                <th scope="col">Tool</th>
                <th scope="col">Tier</th>
                <th scope="col">Rate per minute</th>
                <th scope="col">Argument constraints</th>
              </>
            }
          >
            {permissions.tools.map((tool) => (
              <tr key={tool.toolKey}>
                <td>
                  <code>{tool.toolKey}</code>
                </td>
                <td>{tool.tier}</td>
                <td>{tool.ratePerMinute ?? <span className="muted">no limit</span>}</td>
                <td>
                  {tool.argumentConstraints ? (
                    <pre className="json">{JSON.stringify(tool.argumentConstraints, null, 2)}</pre>
                  ) : (
                    <span className="muted">none</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="muted">No tools allowed.</p>
        )}
      </section>
    </div>
  );
}
