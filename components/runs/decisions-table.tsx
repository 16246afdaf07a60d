import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import { runHref, type TDecisionRow } from "@/lib/contracts/runs";
import { LabelBadge } from "./label-badge";
import { OUTCOME_LABELS, reasonLabel } from "./labels";

/** The deciding reason in words, with its code and the gate's exact message. */
export function DecidingReason({ decision }: { decision: TDecisionRow }) {
  const more = decision.reasons.length - 1;
  return (
    <div className="deciding-reason">
      <span className="strong">{reasonLabel(decision.reason.code)}</span> <code className="small">{decision.reason.code}</code>
      <p className="small muted">
        {decision.reason.message}
        {more > 0 ? ` (and ${more} more)` : ""}
      </p>
    </div>
  );
}

export function DecisionsTable({ workflowId, decisions }: { workflowId: string; decisions: readonly TDecisionRow[] }) {
  return (
    <DataTable
      className="decisions-table"
      caption="Decisions, newest first"
      columns={
        <>
          <th scope="col">Time</th>
          <th scope="col">Run</th>
          <th scope="col">Call</th>
          <th scope="col">Outcome</th>
          <th scope="col">Deciding reason</th>
          <th scope="col">Approval</th>
        </>
      }
    >
      {decisions.map((d) => (
        <tr key={d.id}>
          <td className="nowrap small">
            <Timestamp iso={d.decidedAt} />
          </td>
          <td>
            <Link href={runHref(workflowId, d.runId)} aria-label={`Run ${d.runId}: open its timeline`}>
              <code>{d.runId}</code>
            </Link>
          </td>
          <td>
            <code>{d.tool}</code>
            <p className="small muted decision-model">
              <span className="visually-hidden">Model </span>
              {d.model}
            </p>
          </td>
          <td className="nowrap">
            <LabelBadge label={OUTCOME_LABELS[d.outcome]} />
            {d.tier ? <p className="small muted decision-model">Tier {d.tier}</p> : null}
          </td>
          <td className="deciding-reason-cell">
            <DecidingReason decision={d} />
          </td>
          <td className="nowrap">
            {d.approvalId ? (
              <Link href={`/approvals/${encodeURIComponent(d.approvalId)}`}>Approval request</Link>
            ) : (
              <span className="muted">—</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
