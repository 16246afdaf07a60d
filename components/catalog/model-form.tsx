"use client";

import type { FormEvent } from "react";
import { Field, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useFormValues } from "@/components/ui/use-form-values";
import { useCreateModel } from "@/lib/client/catalog/use-create-model";
import { useUpdateModel } from "@/lib/client/catalog/use-update-model";
import type { TModelView, TUpdateModel } from "@/lib/contracts/catalog";
import { SensitivitySelect } from "./sensitivity-select";

const FIELDS = ["provider", "model", "version", "regions", "dataRetentionDays", "trainingOptOut", "loggingPolicy", "maxSensitivity"];
type TValues = {
  provider: string;
  model: string;
  version: string;
  regions: string;
  dataRetentionDays: string;
  trainingOptOut: boolean;
  loggingPolicy: string;
  maxSensitivity: TModelView["maxSensitivity"];
};

const EMPTY: TValues = {
  provider: "",
  model: "",
  version: "",
  regions: "",
  dataRetentionDays: "0",
  trainingOptOut: true,
  loggingPolicy: "",
  maxSensitivity: "INTERNAL",
};
const valuesOf = (m: TModelView): TValues => ({
  provider: m.provider,
  model: m.model,
  version: m.version,
  regions: m.regions.join(", "),
  dataRetentionDays: String(m.dataRetentionDays),
  trainingOptOut: m.trainingOptOut,
  loggingPolicy: m.loggingPolicy,
  maxSensitivity: m.maxSensitivity,
});
const regionsOf = (text: string) => text.split(/[\s,]+/).filter(Boolean);
const days = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

type TProps = { model?: undefined; onCreated: (ref: string) => void } | { model: TModelView; onDone: (message: string | null) => void };

/** Approves a new model, or edits a model's terms against the version it opened. */
export function ModelForm(props: TProps) {
  const create = useCreateModel();
  const update = useUpdateModel();
  const editing = props.model;
  const { base, values, set, startFrom, clear } = useFormValues(editing, valuesOf, EMPTY);
  const mutation = editing ? update : create;
  const error = mutation.error;
  const id = editing ? `edit-model-${editing.id}` : "new-model";
  const cancel = props.model ? () => props.onDone(null) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const terms = {
      regions: regionsOf(values.regions),
      dataRetentionDays: days(values.dataRetentionDays),
      trainingOptOut: values.trainingOptOut,
      loggingPolicy: values.loggingPolicy,
      maxSensitivity: values.maxSensitivity,
    };
    if (!props.model) {
      const onCreated = props.onCreated;
      create.mutate(
        { provider: values.provider, model: values.model, version: values.version, ...terms },
        {
          onSuccess: (created) => {
            clear();
            onCreated(created.ref);
          },
        },
      );
      return;
    }
    const was = base ?? props.model;
    const input: TUpdateModel = { expectedUpdatedAt: was.updatedAt };
    if (terms.regions.join() !== was.regions.join()) input.regions = terms.regions;
    if (values.dataRetentionDays !== String(was.dataRetentionDays)) input.dataRetentionDays = terms.dataRetentionDays;
    if (terms.trainingOptOut !== was.trainingOptOut) input.trainingOptOut = terms.trainingOptOut;
    if (terms.loggingPolicy !== was.loggingPolicy) input.loggingPolicy = terms.loggingPolicy;
    if (terms.maxSensitivity !== was.maxSensitivity) input.maxSensitivity = terms.maxSensitivity;
    if (Object.keys(input).length === 1) return props.onDone(null);
    const onDone = props.onDone;
    update.mutate({ id: props.model.id, input }, { onSuccess: (saved) => onDone(`Saved ${saved.ref}.`) });
  }

  function reload() {
    if (!props.model) return;
    update.reset();
    startFrom(props.model);
  }

  const text = (field: "provider" | "model" | "version" | "regions" | "loggingPolicy", label: string, hint?: string) => (
    <TextField
      id={`${id}-${field}`}
      label={label}
      hint={hint}
      error={error?.fieldErrors[field]}
      value={values[field]}
      onChange={(v) => set(field, v)}
    />
  );

  return (
    <form
      className="form form-grid"
      onSubmit={onSubmit}
      noValidate
      aria-busy={mutation.isPending}
      aria-label={editing ? `Edit ${editing.ref}` : "Approve a model"}
    >
      <FormError error={error} fields={FIELDS} onReload={editing ? reload : undefined} />
      {editing ? null : (
        <>
          {text("provider", "Provider", "e.g. anthropic")}
          {text("model", "Model", "e.g. claude-sonnet-4-5")}
          {text("version", "Version", "Fixed once approved; approve a new version instead.")}
        </>
      )}
      {text("regions", "Regions", "Comma-separated, e.g. eu-west-1, us-east-1")}
      <Field id={`${id}-retention`} label="Provider data retention (days)" error={error?.fieldErrors.dataRetentionDays}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            step={1}
            value={values.dataRetentionDays}
            onChange={(e) => set("dataRetentionDays", e.target.value)}
          />
        )}
      </Field>
      {text("loggingPolicy", "Logging policy", "What the provider logs and for how long")}
      <SensitivitySelect
        id={`${id}-max-sensitivity`}
        label="Highest sensitivity allowed"
        value={values.maxSensitivity}
        onChange={(s) => set("maxSensitivity", s)}
        error={error?.fieldErrors.maxSensitivity}
      />
      <div className="field">
        <label className="choice">
          <input type="checkbox" checked={values.trainingOptOut} onChange={(e) => set("trainingOptOut", e.target.checked)} />
          Opted out of training on our data
        </label>
        {error?.fieldErrors.trainingOptOut ? <p className="error field-error">{error.fieldErrors.trainingOptOut}</p> : null}
      </div>
      <FormActions pending={mutation.isPending} submitLabel={editing ? "Save" : "Approve model"} pendingLabel="Saving…" onCancel={cancel} />
    </form>
  );
}
