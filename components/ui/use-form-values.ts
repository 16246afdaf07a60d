import { useState } from "react";

/**
 * A form's values and, for an edit, the version they were opened from: saving sends only what
 * differs from it, and after a conflict the form starts again from the current version.
 */
export function useFormValues<TEntry, TValues>(entry: TEntry | undefined, valuesOf: (entry: TEntry) => TValues, empty: TValues) {
  const [base, setBase] = useState(entry);
  const [values, setValues] = useState<TValues>(entry ? valuesOf(entry) : empty);
  const set = <K extends keyof TValues>(field: K, value: TValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const startFrom = (current: TEntry) => {
    setBase(current);
    setValues(valuesOf(current));
  };
  const clear = () => setValues(empty);
  return { base, values, set, startFrom, clear };
}
