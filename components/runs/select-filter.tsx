/** One filter of a plain GET form: a labelled select whose value lands in the address. */
export function SelectFilter<T extends string>(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: readonly T[];
  labelOf: (option: T) => string;
  /** Offered first with an empty value: the filter left off. */
  any?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value}>
        {props.any ? <option value="">Any</option> : null}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labelOf(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
