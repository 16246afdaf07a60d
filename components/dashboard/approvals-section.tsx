import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FiguresTable } from "@/components/charts/figures-table";
import { formatCount } from "@/components/scorecard/scorecard-format";
import type { TDashboard } from "@/lib/contracts/dashboard";
import { approvalDeadlines, deadlineText } from "./dashboard-derive";

const STATE_TONES = { overdue: "bad", soon: "warn", later: "neutral" } as const;

/** Requests waiting for a person, against their deadlines: an unanswered request counts as denied when it expires. */
export function ApprovalsSection({ pending, now }: { pending: TDashboard["pendingApprovals"]; now: string }) {
  const deadlines = approvalDeadlines(pending);
  return (
    <Card titleId="approvals-title" title="Pending approvals">
      {pending.total === 0 ? (
        <p className="empty-inline">
          Nothing waits for a decision. Calls that need a person&apos;s approval queue here with their deadline.
        </p>
      ) : (
        <>
          <dl className="tiles">
            <div className={deadlines.overdue > 0 ? "tile tile-bad" : "tile"}>
              <dt>Overdue</dt>
              <dd>{formatCount(deadlines.overdue)}</dd>
            </div>
            <div className={deadlines.dueWithinHour > 0 ? "tile tile-warn" : "tile"}>
              <dt>Due within an hour</dt>
              <dd>{formatCount(deadlines.dueWithinHour)}</dd>
            </div>
            <div className="tile">
              <dt>Later</dt>
              <dd>{formatCount(deadlines.later)}</dd>
            </div>
          </dl>
          <FiguresTable
            caption="The pending approvals due soonest"
            columns={
              <>
                <th scope="col">Request</th>
                <th scope="col">Tier</th>
                <th scope="col">Deadline</th>
              </>
            }
          >
            {pending.soonest.map((approval) => {
              const deadline = deadlineText(approval.expiresAt, now);
              return (
                <tr key={approval.id}>
                  <th scope="row">
                    <Link href={`/approvals/${approval.id}`}>
                      <code>{approval.tool}</code> for <code>{approval.workflowKey}</code>
                    </Link>
                  </th>
                  <td>{approval.tier}</td>
                  <td>
                    <Badge tone={STATE_TONES[deadline.state]}>{deadline.text}</Badge>
                  </td>
                </tr>
              );
            })}
          </FiguresTable>
        </>
      )}
      <p className="card-footer-link">
        <Link href="/approvals">Approval queue</Link>
      </p>
    </Card>
  );
}
