import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Timestamp } from "@/components/ui/timestamp";
import { approvalAuditHref, type TApprovalDetail } from "@/lib/contracts/approvals-console";
import { ApprovalStatusBadge } from "./approval-status-badge";

const TRAIL_VERBS: Record<string, string> = {
  "approval.requested": "Requested",
  "approval.voted": "Voted",
  "approval.decided": "Decided",
  "approval.escalated": "Escalated to Security",
  "approval.expired": "Expired",
  "approval.cancelled": "Cancelled",
};

/** The votes so far, with their reasons; break-glass votes carry their incident reference. */
export function ApprovalVotes({ votes }: { votes: TApprovalDetail["votes"] }) {
  return (
    <Card titleId="votes-title" title="Votes">
      {votes.length ? (
        <ol className="history">
          {votes.map((v) => (
            <li key={v.user.id}>
              <strong>{v.vote === "APPROVE" ? "Approved" : "Denied"}</strong> by {v.user.name} ({v.user.email}) at{" "}
              <Timestamp iso={v.createdAt} />: “{v.reason}”
              {v.breakGlass ? <strong className="warn-text"> — break-glass, incident {v.incidentRef}</strong> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty-inline">Nobody has voted yet.</p>
      )}
    </Card>
  );
}

/** This request's entries in the audit log, with a link to the log itself. */
export function ApprovalTrail({ id, trail }: { id: string; trail: TApprovalDetail["trail"] }) {
  return (
    <Card titleId="trail-title" title="Audit trail">
      <ol className="history">
        {trail.map((entry, i) => (
          <li key={`${entry.action}-${i}`}>
            <strong>{TRAIL_VERBS[entry.action] ?? entry.action}</strong> by {entry.actorLabel} at <Timestamp iso={entry.occurredAt} />
          </li>
        ))}
      </ol>
      <p className="small">
        <Link href={approvalAuditHref(id)}>Open in the audit log</Link>
      </p>
    </Card>
  );
}

/** Earlier requests of the same workflow: how its calls were decided before. */
export function EarlierApprovals({ earlier }: { earlier: TApprovalDetail["earlier"] }) {
  return (
    <Card titleId="earlier-title" title="Earlier requests on this workflow">
      {earlier.length ? (
        <ul className="plain-list">
          {earlier.map((e) => (
            <li key={e.id}>
              <Link href={`/approvals/${e.id}`}>
                <code>{e.tool}</code>
              </Link>{" "}
              <ApprovalStatusBadge status={e.status} breakGlass={e.breakGlass} />{" "}
              <span className="muted small">
                asked <Timestamp iso={e.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-inline">This is the workflow’s first request.</p>
      )}
    </Card>
  );
}
