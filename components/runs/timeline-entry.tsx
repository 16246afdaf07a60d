import Link from "next/link";
import { ApprovalStatusBadge } from "@/components/approvals/approval-status-badge";
import { Timestamp } from "@/components/ui/timestamp";
import type { TTimelineEntry } from "@/lib/contracts/runs";
import { DecidingReason } from "./decisions-table";
import { DataDetails, messageOf } from "./data-view";
import { LabelBadge } from "./label-badge";
import { eventLabel, formatMs, OUTCOME_LABELS, RESULT_TONES, type TLabel } from "./labels";

const KIND_LABELS: Record<Exclude<TTimelineEntry["kind"], "event">, TLabel> = {
  decision: { text: "Gate decision", tone: "info", icon: "⚖" },
  approval_requested: { text: "Approval requested", tone: "warn", icon: "⚐" },
  approval_vote: { text: "Approval vote", tone: "info", icon: "✎" },
  approval_resolved: { text: "Approval closed", tone: "neutral", icon: "⚑" },
};
const VOTE_LABELS: Record<"APPROVE" | "DENY", TLabel> = {
  APPROVE: { text: "Approved", tone: "good", icon: "✓" },
  DENY: { text: "Denied", tone: "bad", icon: "✕" },
};

const labelOf = (entry: TTimelineEntry) => (entry.kind === "event" ? eventLabel(entry.type) : KIND_LABELS[entry.kind]);
const approvalLink = (id: string) => <Link href={`/approvals/${encodeURIComponent(id)}`}>approval request</Link>;

function Body({ entry }: { entry: TTimelineEntry }) {
  switch (entry.kind) {
    case "event": {
      const message = messageOf(entry.data);
      return (
        <>
          <p className="timeline-headline">
            {entry.tool ? <code>{entry.tool}</code> : null}
            {entry.model ? <code>{entry.model}</code> : null}
            {entry.outcome ? (
              <LabelBadge label={{ text: entry.outcome, tone: RESULT_TONES[entry.outcome] ?? "neutral", icon: "" }} />
            ) : null}
            {entry.latencyMs !== null ? <span className="muted small">{formatMs(entry.latencyMs)}</span> : null}
            {entry.decisionId ? (
              <a className="small" href={`#decision-${entry.decisionId}`}>
                its decision
              </a>
            ) : null}
          </p>
          {message ? <p className="timeline-message">{message}</p> : null}
          <DataDetails data={entry.data} redactions={entry.redactions} />
        </>
      );
    }
    case "decision": {
      const d = entry.decision;
      return (
        <>
          <p className="timeline-headline">
            <LabelBadge label={OUTCOME_LABELS[d.outcome]} /> <code>{d.tool}</code> <span className="small muted">with</span>{" "}
            <code className="small">{d.model}</code>
            {d.tier ? <span className="small">tier {d.tier}</span> : null}
            {d.approvalId ? <span className="small">· {approvalLink(d.approvalId)}</span> : null}
          </p>
          <DecidingReason decision={d} />
        </>
      );
    }
    case "approval_requested":
      return (
        <>
          <p className="timeline-headline">
            <code>{entry.tool}</code> needs {entry.approvalsRequired === 1 ? "one person" : `${entry.approvalsRequired} people`} (tier{" "}
            {entry.tier}) · now <ApprovalStatusBadge status={entry.status} /> · {approvalLink(entry.approvalId)}
          </p>
          <p className="small muted">
            Expires <Timestamp iso={entry.expiresAt} />
          </p>
          <DataDetails data={entry.arguments} label="Arguments" />
        </>
      );
    case "approval_vote":
      return (
        <>
          <p className="timeline-headline">
            <LabelBadge label={VOTE_LABELS[entry.vote]} /> by <span className="strong">{entry.voter.name}</span>{" "}
            <span className="muted small">({entry.voter.email})</span>
            {entry.breakGlass ? (
              <LabelBadge label={{ text: `break-glass, incident ${entry.incidentRef ?? "?"}`, tone: "bad", icon: "!" }} />
            ) : null}
          </p>
          <p className="timeline-message">“{entry.reason}”</p>
        </>
      );
    case "approval_resolved":
      return (
        <p className="timeline-headline">
          <ApprovalStatusBadge status={entry.status} />
          {entry.outcomeReason ? <span>{entry.outcomeReason}</span> : null}
        </p>
      );
  }
}

/** One thing that happened: when, what kind (in words), what it was about, and its data on demand. */
export function TimelineEntry({ entry }: { entry: TTimelineEntry }) {
  const label = labelOf(entry);
  return (
    <li className={`timeline-entry timeline-${label.tone}`} id={entry.kind === "decision" ? `decision-${entry.decision.id}` : undefined}>
      <div className="timeline-when small">
        <Timestamp iso={entry.at} />
      </div>
      <div className="timeline-what">
        <LabelBadge label={label} />
        <Body entry={entry} />
      </div>
    </li>
  );
}
