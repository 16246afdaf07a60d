import { Field } from "@/components/ui/field";
import { ZSensitivity } from "@/lib/contracts/registry-enums";

type TSensitivity = (typeof ZSensitivity.options)[number];

export function SensitivitySelect(props: {
  id: string;
  label: string;
  hint?: string;
  value: TSensitivity;
  onChange: (value: TSensitivity) => void;
  error?: string;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <select {...control} value={props.value} onChange={(e) => props.onChange(ZSensitivity.parse(e.target.value))}>
          {ZSensitivity.options.map((s) => (
            <option key={s} value={s}>
              {s.charAt(0) + s.slice(1).toLowerCase()}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
