import type { ReactNode } from "react";

type TProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Renders the control; receives the attributes that tie it to its label, hint and error. */
  children: (control: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
};

export function Field({ id, label, hint, error, children }: TProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { "aria-invalid": true as const } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="error field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of checkboxes or radios under one legend, with one error for the group. */
export function FieldSet({ id, legend, error, children }: { id: string; legend: string; error?: string; children: ReactNode }) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="field fieldset" id={id} aria-describedby={errorId}>
      <legend>{legend}</legend>
      <div className="choices">{children}</div>
      {error ? (
        <p id={errorId} className="error field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A one-line text input for a value the browser should not autofill. */
export function TextField({ value, onChange, ...field }: Omit<TProps, "children"> & { value: string; onChange: (value: string) => void }) {
  return (
    <Field {...field}>
      {(control) => <input {...control} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" />}
    </Field>
  );
}
