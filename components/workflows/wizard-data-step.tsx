"use client";

import { FieldSet } from "@/components/ui/field";
import { ZSensitivity } from "@/lib/contracts/registry-enums";
import type { TWorkflowChoices } from "@/lib/contracts/workflows";
import { SensitivityBadge } from "./workflow-badges";
import type { TDraft, TErrors } from "./wizard-draft";

type TProps = { draft: TDraft; errors: TErrors; onChange: (patch: Partial<TDraft>) => void; choices: TWorkflowChoices };

const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
const rank = (s: (typeof ZSensitivity.options)[number]) => ZSensitivity.options.indexOf(s);

export function WizardDataStep({ draft, errors, onChange, choices }: TProps) {
  const declared = choices.dataClasses.filter((d) => draft.dataClassKeys.includes(d.key));
  const highest = declared.reduce<(typeof ZSensitivity.options)[number] | null>(
    (top, d) => (!top || rank(d.sensitivity) > rank(top) ? d.sensitivity : top),
    null,
  );
  return (
    <div className="form">
      <FieldSet id="wf-data-classes" legend="Data classes that flow through it" error={errors.dataClassKeys}>
        {choices.dataClasses.map((d) => (
          <label key={d.key} className="choice choice-row">
            <input
              type="checkbox"
              checked={draft.dataClassKeys.includes(d.key)}
              onChange={(e) => onChange({ dataClassKeys: toggle(draft.dataClassKeys, d.key, e.target.checked) })}
            />
            {d.name} <code>{d.key}</code> <SensitivityBadge sensitivity={d.sensitivity} />
            {d.tags.length ? <span className="muted small">{d.tags.join(", ")}</span> : null}
          </label>
        ))}
      </FieldSet>
      <FieldSet id="wf-models" legend="Models it uses" error={errors.modelRefs}>
        {choices.models.map((m) => {
          const tooLow = highest !== null && rank(m.maxSensitivity) < rank(highest);
          return (
            <label key={m.ref} className="choice choice-row">
              <input
                type="checkbox"
                checked={draft.modelRefs.includes(m.ref)}
                disabled={m.status === "SUSPENDED" && !draft.modelRefs.includes(m.ref)}
                onChange={(e) => onChange({ modelRefs: toggle(draft.modelRefs, m.ref, e.target.checked) })}
              />
              <code>{m.ref}</code>
              <span className="muted small">approved up to {m.maxSensitivity.toLowerCase()}</span>
              {m.status === "SUSPENDED" ? <span className="error small">suspended</span> : null}
              {tooLow && draft.modelRefs.includes(m.ref) ? (
                <span className="error small">not approved for {highest?.toLowerCase()} data</span>
              ) : null}
            </label>
          );
        })}
      </FieldSet>
    </div>
  );
}
