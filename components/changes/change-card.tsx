"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Timestamp } from "@/components/ui/timestamp";
import type { TChangeRequestView } from "@/lib/contracts/changes";
import { ZSloChangeProposal } from "@/lib/contracts/scorecard";
import { ChangeStatusBadge } from "./change-status-badge";
import { DiffLines } from "./diff-lines";
import { formatAge } from "./format-age";
import { ReviewForm } from "./review-form";
import { WithdrawButton } from "./withdraw-button";

/** Who is looking: decides whether the review form or the withdraw button appears (the server re-checks both). */
export type TChangeViewer = { id: string; canReview: boolean };

export function subjectLabel(change: TChangeRequestView): string {
  if (change.workflow) return `${change.workflow.name} (${change.workflow.key})`;
  if (change.policy) return `Policy ${change.policy.name} (${change.policy.key})`;
  return "A removed subject";
}

/** What kind of change it is: a workflow's permissions or SLO targets, or a policy. */
export function changeKindLabel(change: TChangeRequestView): string {
  if (change.subject === "POLICY") return "Policy change";
  return ZSloChangeProposal.safeParse(change.proposed).success ? "SLO change" : "Permissions change";
}

/** One change request: what it changes, who asked and when, the decision, and what this viewer may do. */
export function ChangeCard({
  change,
  asOf,
  viewer,
  titleAsLink = true,
}: {
  change: TChangeRequestView;
  asOf: string;
  viewer: TChangeViewer;
  titleAsLink?: boolean;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const pending = change.status === "PENDING";
  const mine = change.requestedBy.id === viewer.id;
  const titleId = `change-${change.id}-title`;
  const href = titleAsLink ? `/changes/${change.id}` : change.workflow ? `/workflows/${change.workflow.id}/changes` : null;
  return (
    <article className="card change-card" aria-labelledby={titleId}>
      <header className="change-head">
        <h2 id={titleId}>{href ? <Link href={href}>{subjectLabel(change)}</Link> : subjectLabel(change)}</h2>
        <ChangeStatusBadge status={change.status} />
      </header>
      <p className="muted small">
        {changeKindLabel(change)} requested by {change.requestedBy.name} ({change.requestedBy.email}),{" "}
        <span title={change.createdAt}>{formatAge(change.createdAt, asOf)} ago</span>, against version {change.baseVersion}.
      </p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {change.stale ? (
        <Alert tone="info" title="Out of date">
          Its subject changed after this request was made, so approving it will be refused. Reject it and ask for a new one.
        </Alert>
      ) : null}
      <DiffLines lines={change.lines} label={`Changes requested: ${change.summary}`} />
      {change.reviewedBy && change.reviewedAt ? (
        <p className="decision">
          <strong>{change.status === "APPROVED" ? "Approved" : "Rejected"}</strong> by {change.reviewedBy.name} ({change.reviewedBy.email})
          at <Timestamp iso={change.reviewedAt} />: “{change.reviewReason}”
        </p>
      ) : null}
      {pending && viewer.canReview && !mine ? <ReviewForm change={change} onDecided={setNotice} /> : null}
      {pending && mine ? (
        <div className="form-actions">
          {viewer.canReview ? (
            <span className="muted small">You requested this change, so someone else in Security reviews it.</span>
          ) : null}
          <WithdrawButton changeId={change.id} onWithdrawn={setNotice} />
        </div>
      ) : null}
    </article>
  );
}
