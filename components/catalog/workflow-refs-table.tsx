import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TCatalogWorkflowRef } from "@/lib/contracts/catalog";

const STATUS_TONES = { DRAFT: "neutral", ACTIVE: "good", PAUSED: "warn", RETIRED: "neutral" } as const;

/** Workflows a catalog entry reaches, each linking to its page. */
export function WorkflowRefsTable({ workflows, caption }: { workflows: readonly TCatalogWorkflowRef[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col">Status</th>
            <th scope="col">Environment</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
