"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Timestamp } from "@/components/ui/timestamp";
import { usePolicy } from "@/lib/client/policies/use-policy";
import type { TPolicyChangeOpened, TPolicyDetail } from "@/lib/contracts/policies";
import { PolicyDiff } from "./policy-diff";
import { PolicyForm } from "./policy-form";
import { PolicyStateBadge } from "./policy-state-badge";

/** One policy: the enforced text, changes awaiting review, its history and, for security leads, a way to propose a change. */
export function PolicyDetail({ initialData, canManage }: { initialData: TPolicyDetail; canManage: boolean }) {
  const query = usePolicy({ id: initialData.id, initialData });
  const policy = query.data ?? initialData;
  const [editing, setEditing] = useState(false);
  const [opened, setOpened] = useState<TPolicyChangeOpened | null>(null);
  const pending = policy.pendingChanges;

  const onOpened = (result: TPolicyChangeOpened) => {
    setEditing(false);
    setOpened(result);
    void query.refetch();
  };

  return (
    <div className="stack">
      {opened ? (
        <Alert tone="success" title="Change proposed for review">
          <p>
            <Link href={`/changes/${opened.changeRequest.id}`}>{opened.changeRequest.summary}</Link>. It applies once another security lead
            approves it.
          </p>
        </Alert>
      ) : null}
      <section className="card" aria-labelledby="current-title">
        <h2 id="current-title">{policy.state === "draft" ? "Not yet enforced" : `Version ${policy.version}`}</h2>
        <p>
          <PolicyStateBadge policy={policy} /> <code>{policy.key}</code> · written by {policy.createdBy.name}
        </p>
        {policy.description ? <p>{policy.description}</p> : null}
        {policy.state === "draft" ? (
          <p className="muted">This policy has no approved version yet, so nothing is enforced.</p>
        ) : (
          <pre className="json" aria-label="Enforced Cedar text">
            {policy.text}
          </pre>
        )}
        {canManage && !editing ? (
          pending.length ? (
            <p className="hint">A change is awaiting review; wait for it (or withdraw it) before proposing another.</p>
          ) : (
            <button
              className="button"
              type="button"
              onClick={() => {
                setOpened(null);
                setEditing(true);
              }}
            >
              Propose a change
            </button>
          )
        ) : null}
        {canManage && editing ? (
          <PolicyForm policy={policy} startFrom={policy.latestProposal} onOpened={onOpened} onCancel={() => setEditing(false)} />
        ) : null}
      </section>
      <section className="card" aria-labelledby="pending-title">
        <h2 id="pending-title">Awaiting review</h2>
        {pending.length === 0 ? (
          <p className="empty-inline">No change to this policy is awaiting review.</p>
        ) : (
          pending.map((change) => (
            <article key={change.id} className="pending-change">
              <p>
                <Link href={`/changes/${change.id}`} className="strong">
                  {change.summary}
                </Link>
                <br />
                <span className="muted small">
                  Proposed by {change.requestedBy.name} against version {change.baseVersion}, <Timestamp iso={change.createdAt} />
                </span>
              </p>
              {change.diff ? <PolicyDiff diff={change.diff} /> : null}
            </article>
          ))
        )}
      </section>
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        {policy.versions.length === 0 ? (
          <p className="empty-inline">No version has been approved yet.</p>
        ) : (
          <ul className="versions">
            {policy.versions.map((v) => (
              <li key={v.version}>
                <details open={v.version === policy.version}>
                  <summary>
                    Version {v.version} · approved <Timestamp iso={v.createdAt} />
                    {v.changeRequestId ? (
                      <>
                        {" "}
                        · <Link href={`/changes/${v.changeRequestId}`}>change request</Link>
                      </>
                    ) : null}
                  </summary>
                  <pre className="json">{v.text}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
