"use client";

import { Field } from "@/components/ui/field";
import { ZEnvironment } from "@/lib/contracts/registry-enums";
import { APPROVAL_TIMEOUT_HINT, ENVIRONMENT_LABELS } from "./labels";
import type { TDraft, TErrors } from "./wizard-draft";

type TProps = { draft: TDraft; errors: TErrors; onChange: (patch: Partial<TDraft>) => void };

export function WizardPurposeStep({ draft, errors, onChange }: TProps) {
  return (
    <div className="form form-grid">
      <Field
        id="wf-key"
        label="Key"
        hint="What the automation sends as its workflow key, e.g. support-refunds. It cannot change later."
        error={errors.key}
      >
        {(control) => (
          <input {...control} value={draft.key} onChange={(e) => onChange({ key: e.target.value })} autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <Field id="wf-name" label="Name" error={errors.name}>
        {(control) => <input {...control} value={draft.name} onChange={(e) => onChange({ name: e.target.value })} />}
      </Field>
      <Field id="wf-environment" label="Environment" hint="Fixed once the workflow leaves draft." error={errors.environment}>
        {(control) => (
          <select {...control} value={draft.environment} onChange={(e) => onChange({ environment: ZEnvironment.parse(e.target.value) })}>
            {ZEnvironment.options.map((env) => (
              <option key={env} value={env}>
                {ENVIRONMENT_LABELS[env]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="wf-approval-timeout" label="Approval timeout (minutes)" hint={APPROVAL_TIMEOUT_HINT} error={errors.approvalTimeoutMinutes}>
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            value={draft.approvalTimeoutMinutes}
            onChange={(e) => onChange({ approvalTimeoutMinutes: e.target.value })}
          />
        )}
      </Field>
      <div className="wizard-wide">
        <Field id="wf-purpose" label="Purpose" hint="What it does, for whom, and which systems it acts on." error={errors.purpose}>
          {(control) => <textarea {...control} rows={3} value={draft.purpose} onChange={(e) => onChange({ purpose: e.target.value })} />}
        </Field>
      </div>
      <div className="wizard-wide">
        <Field
          id="wf-runbook"
          label="Runbook (optional now)"
          hint="The manual fallback when Tollgate halts it: who takes over and how."
          error={errors.runbook}
        >
          {(control) => <textarea {...control} rows={4} value={draft.runbook} onChange={(e) => onChange({ runbook: e.target.value })} />}
        </Field>
      </div>
    </div>
  );
}
