import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import { TierBadge } from "@/components/workflows/workflow-badges";
import type { TApprovalHistoryItem } from "@/lib/contracts/approvals-console";
import { ApprovalStatusBadge } from "./approval-status-badge";

/** Decided requests: the outcome, who voted, and each one's trail in the audit log. */
export function ApprovalHistoryTable({ items }: { items: readonly TApprovalHistoryItem[] }) {
  return (
    <DataTable
      className="approval-history-table"
      caption="Decided approval requests, newest first"
      columns={
        <>
          <th scope="col">Decided</th>
          <th scope="col">Request</th>
          <th scope="col">Outcome</th>
          <th scope="col">Votes</th>
          <th scope="col">Audit</th>
        </>
      }
    >
      {items.map((item) => (
        <tr key={item.id} className={item.breakGlass ? "approval-break-glass" : undefined}>
          <td className="nowrap small">
            <Timestamp iso={item.decidedAt} />
          </td>
          <td>
            <Link className="strong" href={`/approvals/${item.id}`}>
              <code>{item.tool}</code>
            </Link>{" "}
            <TierBadge tier={item.tier} />
            <div className="muted small">
              {item.workflow.name} · <code>{item.workflow.key}</code>
            </div>
          </td>
          <td>
            <ApprovalStatusBadge status={item.status} breakGlass={item.breakGlass} />
            {item.outcomeReason ? <div className="small">“{item.outcomeReason}”</div> : null}
          </td>
          <td className="small">
            {item.votes.length ? (
              item.votes.map((v) => (
                <div key={v.user.id}>
                  {v.vote === "APPROVE" ? "✓" : "✗"} {v.user.email}
                  {v.breakGlass ? " (break-glass)" : ""}
                </div>
              ))
            ) : (
              <span className="muted">No votes</span>
            )}
          </td>
          <td>
            <Link href={item.auditHref}>Trail</Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
