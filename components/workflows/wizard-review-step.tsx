"use client";

import type { TWorkflowChoices } from "@/lib/contracts/workflows";
import { ENVIRONMENT_LABELS, RACI_FUNCTIONS, RACI_ROLES } from "./labels";
import type { TDraft } from "./wizard-draft";

/** Everything the registration will record, in words, before it is sent. */
export function WizardReviewStep({ draft, choices }: { draft: TDraft; choices: TWorkflowChoices }) {
  const person = (id: string) => choices.people.find((p) => p.id === id)?.name ?? "Unknown person";
  return (
    <dl className="facts">
      <dt>Key</dt>
      <dd>
        <code>{draft.key || "—"}</code>
      </dd>
      <dt>Name</dt>
      <dd>{draft.name || "—"}</dd>
      <dt>Environment</dt>
      <dd>{ENVIRONMENT_LABELS[draft.environment]}</dd>
      <dt>Approval timeout</dt>
      <dd>{draft.approvalTimeoutMinutes.trim() ? `${draft.approvalTimeoutMinutes.trim()} minutes` : "—"}</dd>
      <dt>Purpose</dt>
      <dd className="prose">{draft.purpose || "—"}</dd>
      <dt>Owner</dt>
      <dd>{person(draft.ownerId)}</dd>
      <dt>RACI</dt>
      <dd>
        {draft.raci.length ? (
          <ul className="plain-list">
            {RACI_FUNCTIONS.map((f) => {
              const entries = draft.raci.filter((a) => a.function === f.value);
              const who = entries
                .map((a) => `${person(a.userId)} (${RACI_ROLES.find((r) => r.value === a.role)?.letter ?? "?"})`)
                .join(", ");
              return (
                <li key={f.value}>
                  {f.label}: {who || <span className="muted">nobody yet</span>}
                </li>
              );
            })}
          </ul>
        ) : (
          "—"
        )}
      </dd>
      <dt>Data classes</dt>
      <dd>{draft.dataClassKeys.length ? draft.dataClassKeys.join(", ") : <span className="muted">none yet</span>}</dd>
      <dt>Models</dt>
      <dd>{draft.modelRefs.length ? draft.modelRefs.join(", ") : <span className="muted">none</span>}</dd>
      <dt>Tools</dt>
      <dd>
        {draft.tools.length ? (
          <ul className="plain-list">
            {draft.tools.map((t) => (
              <li key={t.toolKey}>
                <code>{t.toolKey}</code> {t.tier}
                {t.ratePerMinute ? `, ${t.ratePerMinute}/min` : ""}
                {t.amountCap ? `, amount ≤ ${t.amountCap}` : ""}
                {t.constraints.trim() ? ", custom limits" : ""}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">none</span>
        )}
      </dd>
    </dl>
  );
}
