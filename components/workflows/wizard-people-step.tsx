"use client";

import { Field } from "@/components/ui/field";
import type { TWorkflowChoices } from "@/lib/contracts/workflows";
import { RaciGrid } from "./raci-grid";
import type { TDraft, TErrors } from "./wizard-draft";

type TProps = {
  draft: TDraft;
  errors: TErrors;
  onChange: (patch: Partial<TDraft>) => void;
  people: TWorkflowChoices["people"];
  self: { id: string; name: string; email: string };
  isAdmin: boolean;
};

export function WizardPeopleStep({ draft, errors, onChange, people, self, isAdmin }: TProps) {
  const owners = people.filter((p) => p.roles.includes("OWNER") || p.id === self.id);
  return (
    <div className="form">
      {isAdmin ? (
        <Field
          id="wf-owner"
          label="Owner"
          hint="As an administrator you may register it for another workflow owner."
          error={errors.ownerId}
        >
          {(control) => (
            <select
              {...control}
              value={draft.ownerId}
              onChange={(e) => {
                const ownerId = e.target.value;
                // The owner usually answers for the workflow; move the default Accountable along with them.
                const raci = draft.raci.map((a) =>
                  a.userId === draft.ownerId && a.function === "WORKFLOW_OWNER" ? { ...a, userId: ownerId } : a,
                );
                onChange({ ownerId, raci });
              }}
            >
              {owners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === self.id ? `${p.name} (you)` : `${p.name} (${p.email})`}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p>
          Owner: <strong>{self.name}</strong> <span className="muted">(you)</span>
        </p>
      )}
      <RaciGrid id="wf-raci" people={people} value={draft.raci} onChange={(raci) => onChange({ raci })} error={errors.raci} />
    </div>
  );
}
