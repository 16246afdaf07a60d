import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { TCatalogWorkflowRef } from "@/lib/contracts/catalog";

const STATUS_TONES = { DRAFT: "neutral", ACTIVE: "good", PAUSED: "warn", RETIRED: "neutral" } as const;

/** Workflows a catalog entry reaches, each linking to its page. */
export function WorkflowRefsTable({ workflows, caption }: { workflows: readonly TCatalogWorkflowRef[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      columns={
        <>
          <th scope="col">Workflow</th>
          <th scope="col">Status</th>
          <th scope="col">Environment</th>
        </>
      }
    >
      {workflows.map((w) => (
        <tr key={w.id}>
          <td>
            <Link href={`/workflows/${w.id}`} className="strong">
              {w.name}
            </Link>
            <div className="muted">
              <code>{w.key}</code>
            </div>
          </td>
          <td>
            <Badge tone={STATUS_TONES[w.status]}>{w.status}</Badge>
          </td>
          <td>{w.environment}</td>
        </tr>
      ))}
    </DataTable>
  );
}
