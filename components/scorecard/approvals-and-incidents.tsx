import type { TPeriodMetrics } from "@/lib/contracts/scorecard";
import { formatCount, formatMs } from "./scorecard-format";

function Measured({ figure, format }: { figure: TPeriodMetrics["incidents"]; format: (value: number) => string }) {
  if (figure.measured) return <>{format(figure.value)}</>;
  return (
    <>
      Not measured yet. <span className="measured-note">{figure.note}</span>
    </>
  );
}

/** Approvals in the period by how they ended, and the incident figures (measured once incidents exist). */
export function ApprovalsAndIncidents({ current }: { current: TPeriodMetrics }) {
  const { approvals } = current;
  return (
    <div className="two-columns">
      <section aria-labelledby="scorecard-approvals-title">
        <h3 id="scorecard-approvals-title">Approvals</h3>
        <dl className="facts">
          <dt>Requested</dt>
          <dd>{formatCount(approvals.requested)}</dd>
          <dt>Approved</dt>
          <dd>{formatCount(approvals.approved)}</dd>
          <dt>Rejected</dt>
          <dd>{formatCount(approvals.rejected)}</dd>
          <dt>Expired unanswered</dt>
          <dd>{formatCount(approvals.expired)}</dd>
          <dt>Still pending</dt>
          <dd>{formatCount(approvals.pending)}</dd>
          <dt>Median time to approve</dt>
          <dd>{formatMs(approvals.medianTimeToApproveMs)}</dd>
        </dl>
      </section>
      <section aria-labelledby="scorecard-incidents-title">
        <h3 id="scorecard-incidents-title">Incidents</h3>
        <dl className="facts">
          <dt>Incidents</dt>
          <dd>
            <Measured figure={current.incidents} format={formatCount} />
          </dd>
          <dt>Mean time to detect</dt>
          <dd>
            <Measured figure={current.meanTimeToDetectMs} format={formatMs} />
          </dd>
          <dt>Time to halt</dt>
          <dd>
            <Measured figure={current.timeToHaltMs} format={formatMs} />
          </dd>
        </dl>
      </section>
    </div>
  );
}
