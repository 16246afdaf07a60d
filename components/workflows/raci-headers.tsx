import { RACI_FUNCTIONS } from "./labels";

/** A RACI chart's column headers: the person, then one column per function. */
export function RaciColumnHeaders() {
  return (
    <>
      <th scope="col">Person</th>
      {RACI_FUNCTIONS.map((f) => (
        <th scope="col" key={f.value}>
          {f.label}
        </th>
      ))}
    </>
  );
}

/** A RACI chart row's header: the person whose roles the row holds. */
export function RaciPersonHeader({ name, email }: { name: string; email: string | undefined }) {
  return (
    <th scope="row">
      <div className="strong">{name}</div>
      <div className="muted small">{email}</div>
    </th>
  );
}
