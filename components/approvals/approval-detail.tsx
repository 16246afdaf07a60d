"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshError } from "@/components/ui/refresh-error";
import { Timestamp } from "@/components/ui/timestamp";
import { useApprovalDetail } from "@/lib/client/approvals/use-approval-detail";
import { useApprovalLiveUpdates } from "@/lib/client/approvals/use-approval-live-updates";
import type { TApprovalDetail as TDetail } from "@/lib/contracts/approvals-console";
import { ApprovalFacts } from "./approval-facts";
import { ApprovalTrail, ApprovalVotes, EarlierApprovals } from "./approval-records";
import { ApprovalRunEvents } from "./approval-run-events";
import { ApprovalStatusBadge } from "./approval-status-badge";
import { ApprovalWorkflowCard } from "./approval-workflow-card";
import { Countdown } from "./countdown";
import { LiveStatus } from "./live-status";
import { VoteForm } from "./vote-form";

function Outcome({ approval }: { approval: TDetail }) {
  if (approval.status === "PENDING") {
    return (
      <p>
        {approval.approvals} of {approval.approvalsRequired} approvals · <Countdown deadline={approval.expiresAt} asOf={approval.asOf} />
        {approval.escalatedAt ? (
          <>
            {" "}
            · <strong className="warn-text">escalated to Security</strong> at <Timestamp iso={approval.escalatedAt} />
          </>
        ) : null}
      </p>
    );
  }
  return (
    <p className="decision">
      <strong>{approval.status.charAt(0) + approval.status.slice(1).toLowerCase()}</strong> at <Timestamp iso={approval.decidedAt} />
      {approval.outcomeReason ? <>: “{approval.outcomeReason}”</> : null}
      {approval.status === "APPROVED" ? (
        <span className="muted"> · {approval.consumed ? "used by the automation" : "not used yet"}</span>
      ) : null}
    </p>
  );
}

/** One request in full: its outcome or the vote form, then everything an approver needs to decide. */
export function ApprovalDetail({ initial }: { initial: TDetail }) {
  const { live } = useApprovalLiveUpdates();
  const query = useApprovalDetail({ id: initial.id, initialData: initial, live });
  const [notice, setNotice] = useState<string | null>(null);
  const approval = query.data ?? initial;
  const open = approval.status === "PENDING";
  return (
    <>
      <PageHeader
        title={`${approval.tool.key} on ${approval.workflow.name}`}
        description={`Approval request ${approval.id}`}
        actions={<ApprovalStatusBadge status={approval.status} breakGlass={approval.breakGlass} />}
      />
      <div className="stack">
        <LiveStatus live={live} />
        <RefreshError error={query.error} title="Could not refresh this request" />
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <section className="card approval-outcome" aria-labelledby="outcome-title">
          <h2 id="outcome-title">{open ? "Your decision" : "Outcome"}</h2>
          <Outcome approval={approval} />
          {open && (approval.viewer.canVote || approval.viewer.canBreakGlass) ? (
            <VoteForm key={approval.viewer.canVote ? "vote" : "glass"} approval={approval} onVoted={setNotice} />
          ) : open && approval.viewer.refusal ? (
            <Alert tone="info" title="You cannot decide this request">
              {approval.viewer.refusal}
            </Alert>
          ) : null}
        </section>
        <ApprovalFacts approval={approval} />
        <ApprovalWorkflowCard workflow={approval.workflow} />
        <ApprovalVotes votes={approval.votes} />
        <ApprovalRunEvents runId={approval.runId} events={approval.runEvents} />
        <EarlierApprovals earlier={approval.earlier} />
        <ApprovalTrail id={approval.id} trail={approval.trail} />
      </div>
    </>
  );
}
