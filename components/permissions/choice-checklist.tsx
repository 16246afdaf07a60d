import type { ReactNode } from "react";
import { FieldSet } from "@/components/ui/field";

type TChoice = { value: string; label: ReactNode };

/** A set of catalog entries to pick from, as checkboxes under one legend with one error. */
export function ChoiceChecklist(props: {
  id: string;
  legend: string;
  choices: readonly TChoice[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  errors: readonly string[];
}) {
  const { id, legend, choices, value, onChange, errors } = props;
  const toggle = (choice: string, on: boolean) => onChange(on ? [...value, choice] : value.filter((v) => v !== choice));
  return (
    <FieldSet id={id} legend={legend} error={errors.join(" ") || undefined}>
      {choices.length === 0 ? <p className="muted">The catalog has none yet; Security adds them.</p> : null}
      {choices.map((choice) => (
        <label className="choice" key={choice.value}>
          <input type="checkbox" checked={value.includes(choice.value)} onChange={(e) => toggle(choice.value, e.target.checked)} />
          {choice.label}
        </label>
      ))}
    </FieldSet>
  );
}
