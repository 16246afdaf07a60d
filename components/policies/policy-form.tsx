"use client";

import { useState, type FormEvent } from "react";
import { Field, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useCreatePolicy } from "@/lib/client/policies/use-create-policy";
import { useProposePolicyChange } from "@/lib/client/policies/use-propose-policy-change";
import type { TPolicyChangeOpened, TPolicyProposal, TPolicyView, TProposePolicyChange } from "@/lib/contracts/policies";

const FIELDS = ["key", "name", "description", "text", "enabled", "expectedVersion"];
type TValues = { key: string; name: string; description: string; text: string; enabled: boolean };

const STARTER =
  '// Deny money movement on restricted data in production.\nforbid (principal, action, resource)\nwhen { context.consequence == "MONEY_MOVEMENT" && context.maxSensitivity == "RESTRICTED" && context.environment == "PROD" };';
const EMPTY: TValues = { key: "", name: "", description: "", text: STARTER, enabled: true };

type TProps =
  | { policy?: undefined; onOpened: (opened: TPolicyChangeOpened) => void }
  | { policy: TPolicyView; startFrom: TPolicyProposal | null; onOpened: (opened: TPolicyChangeOpened) => void; onCancel: () => void };

function initialValues(props: TProps): TValues {
  if (!props.policy) return EMPTY;
  const { policy } = props;
  // A draft has no applied text: start from its last proposal (perhaps rejected), enforced by default.
  if (policy.state === "draft")
    return { ...(props.startFrom ?? { ...EMPTY, key: policy.key, name: policy.name, description: policy.description }), enabled: true };
  return { key: policy.key, name: policy.name, description: policy.description, text: policy.text, enabled: policy.enabled };
}

/** Proposes a new policy, or a change to one; either way it waits for a second security lead's approval. */
export function PolicyForm(props: TProps) {
  const create = useCreatePolicy();
  const propose = useProposePolicyChange();
  const policy = props.policy;
  const [values, setValues] = useState<TValues>(() => initialValues(props));
  const mutation = policy ? propose : create;
  const error = mutation.error;
  const id = policy ? `edit-policy-${policy.id}` : "new-policy";
  const set = <K extends keyof TValues>(field: K, value: TValues[K]) => setValues((v) => ({ ...v, [field]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { onOpened } = props;
    if (!policy) {
      create.mutate(values, {
        onSuccess: (opened) => {
          setValues(EMPTY);
          onOpened(opened);
        },
      });
      return;
    }
    const input: TProposePolicyChange = { expectedVersion: policy.version };
    if (values.name !== policy.name) input.name = values.name;
    if (values.description !== policy.description) input.description = values.description;
    if (values.text !== policy.text) input.text = values.text;
    if (values.enabled !== policy.enabled || policy.state === "draft") input.enabled = values.enabled;
    propose.mutate({ id: policy.id, input }, { onSuccess: onOpened });
  }

  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-busy={mutation.isPending}
      aria-label={policy ? `Propose a change to ${policy.key}` : "Propose a policy"}
    >
      <FormError error={error} fields={FIELDS} />
      <div className="form-grid">
        {policy ? null : (
          <TextField
            id={`${id}-key`}
            label="Key"
            hint="e.g. no-money-on-restricted-prod. Fixed once created."
            error={error?.fieldErrors.key}
            value={values.key}
            onChange={(v) => set("key", v)}
          />
        )}
        <TextField id={`${id}-name`} label="Name" error={error?.fieldErrors.name} value={values.name} onChange={(v) => set("name", v)} />
      </div>
      <Field id={`${id}-description`} label="Description" hint="What it prevents, and why" error={error?.fieldErrors.description}>
        {(control) => <textarea {...control} rows={2} value={values.description} onChange={(e) => set("description", e.target.value)} />}
      </Field>
      <Field id={`${id}-text`} label="Cedar policy" hint="Checked with Cedar's own parser when you submit." error={error?.fieldErrors.text}>
        {(control) => (
          <textarea
            {...control}
            className="code-input"
            rows={10}
            spellCheck={false}
            value={values.text}
            onChange={(e) => set("text", e.target.value)}
          />
        )}
      </Field>
      <label className="choice">
        <input type="checkbox" checked={values.enabled} onChange={(e) => set("enabled", e.target.checked)} />
        Enforce once approved
      </label>
      <p className="hint">Nothing changes until another security lead approves the change request this opens.</p>
      <FormActions
        pending={mutation.isPending}
        submitLabel="Submit for review"
        pendingLabel="Submitting…"
        onCancel={props.policy ? props.onCancel : undefined}
      />
    </form>
  );
}
