"use client";

import { PermissionsSummary } from "@/components/permissions/permissions-summary";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshError } from "@/components/ui/refresh-error";
import { Timestamp } from "@/components/ui/timestamp";
import { useChangeRequest } from "@/lib/client/changes/use-change-request";
import type { TChangeRequestDetail } from "@/lib/contracts/changes";
import { ZPolicyProposal } from "@/lib/contracts/policies";
import { ZPermissionSet } from "@/lib/contracts/registry";
import { ZSloChangeProposal } from "@/lib/contracts/scorecard";
import { ChangeCard, type TChangeViewer } from "./change-card";

const VERBS: Record<string, string> = {
  "change_request.opened": "Opened",
  "change_request.approved": "Approved",
  "change_request.rejected": "Rejected",
  "change_request.withdrawn": "Withdrawn",
};

const percent = (x: number) => `${Number((x * 100).toFixed(2))}%`;

function Proposed({ proposed }: { proposed: unknown }) {
  const set = ZPermissionSet.safeParse(proposed);
  if (set.success) return <PermissionsSummary permissions={set.data} />;
  const policy = ZPolicyProposal.safeParse(proposed);
  if (policy.success) return <pre className="json">{policy.data.text}</pre>;
  const slo = ZSloChangeProposal.safeParse(proposed);
  if (slo.success) {
    const { successRate, toolErrorRate, latencyP95Ms } = slo.data.targets;
    return (
      <dl className="facts">
        <dt>Success rate target</dt>
        <dd>{percent(successRate)}</dd>
        <dt>Tool error rate target</dt>
        <dd>{percent(toolErrorRate)}</dd>
        <dt>p95 latency target</dt>
        <dd>{latencyP95Ms.toLocaleString("en")} ms</dd>
      </dl>
    );
  }
  return <pre className="json">{JSON.stringify(proposed, null, 2)}</pre>;
}

/** A change request in full: the diff and decision, the whole proposed state, and its history. */
export function ChangeDetail({ initial, viewer }: { initial: TChangeRequestDetail; viewer: TChangeViewer }) {
  const query = useChangeRequest({ id: initial.id, initialData: initial });
  const change = query.data ?? initial;
  return (
    <>
      <PageHeader title="Change request" description={change.summary} />
      <div className="stack">
        <RefreshError error={query.error} title="Could not refresh this change request" />
        <ChangeCard change={change} asOf={change.asOf} viewer={viewer} titleAsLink={false} />
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">History</h2>
          <ol className="history">
            {change.history.map((entry, i) => (
              <li key={`${entry.action}-${i}`}>
                <strong>{VERBS[entry.action] ?? entry.action}</strong> by {entry.actorLabel} at <Timestamp iso={entry.occurredAt} />
                {entry.reason ? <>: “{entry.reason}”</> : null}
              </li>
            ))}
          </ol>
        </section>
        <section className="card" aria-labelledby="proposed-title">
          <h2 id="proposed-title">{change.status === "APPROVED" ? "What it set" : "What it proposes"}</h2>
          <Proposed proposed={change.proposed} />
        </section>
      </div>
    </>
  );
}
