"use client";

import type { FormEvent } from "react";
import { Field, FieldSet, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useFormValues } from "@/components/ui/use-form-values";
import { useCreateDataClass } from "@/lib/client/catalog/use-create-data-class";
import { useUpdateDataClass } from "@/lib/client/catalog/use-update-data-class";
import type { TDataClassUpdated, TDataClassView, TUpdateDataClass } from "@/lib/contracts/catalog";
import { ZDataTag } from "@/lib/contracts/registry-enums";
import { SensitivitySelect } from "./sensitivity-select";

const FIELDS = ["key", "name", "sensitivity", "tags", "retentionDays"];
type TTag = (typeof ZDataTag.options)[number];
type TValues = { key: string; name: string; sensitivity: TDataClassView["sensitivity"]; tags: TTag[]; retentionDays: string };

const EMPTY: TValues = { key: "", name: "", sensitivity: "INTERNAL", tags: [], retentionDays: "365" };
const valuesOf = (d: TDataClassView): TValues => ({
  key: d.key,
  name: d.name,
  sensitivity: d.sensitivity,
  tags: d.tags,
  retentionDays: String(d.retentionDays),
});
const days = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

type TProps =
  | { dataClass?: undefined; onCreated: (key: string) => void }
  | { dataClass: TDataClassView; onDone: (saved: TDataClassUpdated | null) => void };

/** Adds a data class, or edits one against the version it opened (its key stays fixed). */
export function DataClassForm(props: TProps) {
  const create = useCreateDataClass();
  const update = useUpdateDataClass();
  const editing = props.dataClass;
  const { base, values, set, startFrom, clear } = useFormValues(editing, valuesOf, EMPTY);
  const mutation = editing ? update : create;
  const error = mutation.error;
  const id = editing ? `edit-dc-${editing.id}` : "new-dc";
  const cancel = props.dataClass ? () => props.onDone(null) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!props.dataClass) {
      const { key, name, sensitivity, tags, retentionDays } = values;
      create.mutate(
        { key, name, sensitivity, tags, retentionDays: days(retentionDays) },
        {
          onSuccess: (created) => {
            clear();
            props.onCreated(created.key);
          },
        },
      );
      return;
    }
    const was = valuesOf(base ?? props.dataClass);
    const input: TUpdateDataClass = { expectedUpdatedAt: (base ?? props.dataClass).updatedAt };
    if (values.name !== was.name) input.name = values.name;
    if (values.sensitivity !== was.sensitivity) input.sensitivity = values.sensitivity;
    if (values.tags.join() !== was.tags.join()) input.tags = values.tags;
    if (values.retentionDays !== was.retentionDays) input.retentionDays = days(values.retentionDays);
    if (Object.keys(input).length === 1) return props.onDone(null);
    update.mutate({ id: props.dataClass.id, input }, { onSuccess: props.onDone });
  }

  function reload() {
    if (!props.dataClass) return;
    update.reset();
    startFrom(props.dataClass);
  }

  return (
    <form
      className={editing ? "form edit-form" : "form form-grid"}
      onSubmit={onSubmit}
      noValidate
      aria-busy={mutation.isPending}
      aria-label={editing ? `Edit ${editing.key}` : "Add a data class"}
    >
      <FormError error={error} fields={FIELDS} onReload={editing ? reload : undefined} />
      {editing ? null : (
        <TextField
          id={`${id}-key`}
          label="Key"
          hint="Lower-case, e.g. payment-cards. Fixed once created."
          error={error?.fieldErrors.key}
          value={values.key}
          onChange={(v) => set("key", v)}
        />
      )}
      <TextField id={`${id}-name`} label="Name" error={error?.fieldErrors.name} value={values.name} onChange={(v) => set("name", v)} />
      <SensitivitySelect
        id={`${id}-sensitivity`}
        label="Sensitivity"
        hint={editing ? "Changing it re-derives the highest sensitivity of every workflow declaring this class." : undefined}
        value={values.sensitivity}
        onChange={(s) => set("sensitivity", s)}
        error={error?.fieldErrors.sensitivity}
      />
      <Field id={`${id}-retention`} label="Retention (days)" error={error?.fieldErrors.retentionDays}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            step={1}
            value={values.retentionDays}
            onChange={(e) => set("retentionDays", e.target.value)}
          />
        )}
      </Field>
      <FieldSet id={`${id}-tags`} legend="Tags" error={error?.fieldErrors.tags}>
        {ZDataTag.options.map((tag) => (
          <label key={tag} className="choice">
            <input
              type="checkbox"
              checked={values.tags.includes(tag)}
              onChange={(e) =>
                set(
                  "tags",
                  ZDataTag.options.filter((t) => (t === tag ? e.target.checked : values.tags.includes(t))),
                )
              }
            />
            {tag}
          </label>
        ))}
      </FieldSet>
      <FormActions
        pending={mutation.isPending}
        submitLabel={editing ? "Save" : "Add data class"}
        pendingLabel="Saving…"
        onCancel={cancel}
      />
    </form>
  );
}
