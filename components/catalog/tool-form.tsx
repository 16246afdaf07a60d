"use client";

import { useState, type FormEvent } from "react";
import { Field, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useFormValues } from "@/components/ui/use-form-values";
import { useCreateTool } from "@/lib/client/catalog/use-create-tool";
import { useUpdateTool } from "@/lib/client/catalog/use-update-tool";
import type { TToolView, TUpdateTool } from "@/lib/contracts/catalog";
import { DEFAULT_TIER, ZConsequence, type TConsequence } from "@/lib/contracts/registry-enums";

const FIELDS = ["key", "name", "system", "consequence", "argumentSchema"];
type TValues = { key: string; name: string; system: string; consequence: TConsequence; argumentSchema: string };

const STARTER = JSON.stringify({ type: "object", properties: {}, additionalProperties: false }, null, 2);
const EMPTY: TValues = { key: "", name: "", system: "", consequence: "READ", argumentSchema: STARTER };
const valuesOf = (t: TToolView): TValues => ({
  key: t.key,
  name: t.name,
  system: t.system,
  consequence: t.consequence,
  argumentSchema: JSON.stringify(t.argumentSchema, null, 2),
});

/** The JSON object in `text`, or why it is not one; whether it is a valid JSON Schema is the server's call. */
function parseObject(text: string): { value: Record<string, unknown> } | { problem: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return { problem: "A JSON Schema must be a JSON object" };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { problem: `Not valid JSON: ${(error as Error).message}` };
  }
}

type TProps = { tool?: undefined; onCreated: (key: string) => void } | { tool: TToolView; onDone: (message: string | null) => void };

/** Adds a tool, or edits one against the version it opened (its key stays fixed). */
export function ToolForm(props: TProps) {
  const create = useCreateTool();
  const update = useUpdateTool();
  const editing = props.tool;
  const { base, values, set, startFrom, clear } = useFormValues(editing, valuesOf, EMPTY);
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const mutation = editing ? update : create;
  const error = mutation.error;
  const id = editing ? `edit-tool-${editing.id}` : "new-tool";
  const cancel = props.tool ? () => props.onDone(null) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const schema = parseObject(values.argumentSchema);
    setJsonProblem("problem" in schema ? schema.problem : null);
    if ("problem" in schema) return;
    if (!props.tool) {
      const onCreated = props.onCreated;
      const input = {
        key: values.key,
        name: values.name,
        system: values.system,
        consequence: values.consequence,
        argumentSchema: schema.value,
      };
      create.mutate(input, {
        onSuccess: (created) => {
          clear();
          onCreated(created.key);
        },
      });
      return;
    }
    const was = base ?? props.tool;
    const input: TUpdateTool = { expectedUpdatedAt: was.updatedAt };
    if (values.name !== was.name) input.name = values.name;
    if (values.system !== was.system) input.system = values.system;
    if (values.consequence !== was.consequence) input.consequence = values.consequence;
    if (JSON.stringify(schema.value) !== JSON.stringify(was.argumentSchema)) input.argumentSchema = schema.value;
    if (Object.keys(input).length === 1) return props.onDone(null);
    const onDone = props.onDone;
    update.mutate({ id: props.tool.id, input }, { onSuccess: (saved) => onDone(`Saved ${saved.key}.`) });
  }

  function reload() {
    if (!props.tool) return;
    update.reset();
    startFrom(props.tool);
  }

  const text = (field: "key" | "name" | "system", label: string, hint?: string) => (
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
      aria-label={editing ? `Edit ${editing.key}` : "Add a tool"}
    >
      <FormError error={error} fields={FIELDS} onReload={editing ? reload : undefined} />
      {editing ? null : text("key", "Key", "e.g. stripe.refund. Fixed once created.")}
      {text("name", "Name")}
      {text("system", "System", "e.g. Stripe")}
      <Field
        id={`${id}-consequence`}
        label="Consequence"
        hint={`Sets the least approval tier a workflow may grant it: ${DEFAULT_TIER[values.consequence]}.`}
        error={error?.fieldErrors.consequence}
      >
        {(control) => (
          <select {...control} value={values.consequence} onChange={(e) => set("consequence", ZConsequence.parse(e.target.value))}>
            {ZConsequence.options.map((c) => (
              <option key={c} value={c}>
                {c} (at least {DEFAULT_TIER[c]})
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-wide">
        <Field
          id={`${id}-schema`}
          label="Argument contract (JSON Schema)"
          hint="Calls whose arguments break it are denied."
          error={jsonProblem ?? error?.fieldErrors.argumentSchema}
        >
          {(control) => (
            <textarea
              {...control}
              className="code-input"
              rows={10}
              spellCheck={false}
              value={values.argumentSchema}
              onChange={(e) => set("argumentSchema", e.target.value)}
            />
          )}
        </Field>
      </div>
      <FormActions pending={mutation.isPending} submitLabel={editing ? "Save" : "Add tool"} pendingLabel="Saving…" onCancel={cancel} />
    </form>
  );
}
