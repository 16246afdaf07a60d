import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { ENVIRONMENT_LABELS } from "@/components/workflows/labels";
import { TierBadge } from "@/components/workflows/workflow-badges";
import type { TApprovalQueueItem } from "@/lib/contracts/approvals-console";
import { Countdown } from "./countdown";

/** The queue, soonest deadline first; escalated requests stand out. */
export function ApprovalQueueTable({ items, asOf }: { items: readonly TApprovalQueueItem[]; asOf: string }) {
  return (
    <DataTable
      className="approval-queue-table"
      caption="Approval requests you may decide, soonest deadline first"
      columns={
        <>
          <th scope="col">Deadline</th>
          <th scope="col">Request</th>
          <th scope="col">Workflow</th>
          <th scope="col">Tier</th>
          <th scope="col">Approvals</th>
        </>
      }
    >
      {items.map((item) => (
        <tr key={item.id} className={item.escalatedAt ? "approval-escalated" : undefined}>
          <td className="nowrap">
            <Countdown deadline={item.expiresAt} asOf={asOf} />
            {item.escalatedAt ? (
              <>
                {" "}
                <Badge tone="bad" title="Past half its deadline: Security may decide it too">
                  escalated
                </Badge>
              </>
            ) : null}
          </td>
          <td>
            <Link className="strong" href={`/approvals/${item.id}`}>
              <code>{item.tool}</code>
            </Link>
            <div className="muted small">
              {item.consequence.toLowerCase().replaceAll("_", " ")} · run <code>{item.runId}</code>
              {item.canVote ? null : " · break-glass only until escalated"}
            </div>
          </td>
          <td>
            {item.workflow.name}
            <div className="muted small">
              <code>{item.workflow.key}</code> · {ENVIRONMENT_LABELS[item.workflow.environment]}
            </div>
          </td>
          <td>
            <TierBadge tier={item.tier} />
          </td>
          <td className="numeric">
            {item.approvals} of {item.approvalsRequired}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
