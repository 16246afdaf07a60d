"use client";

import { ActionsHeader, DataTable } from "@/components/ui/data-table";
import type { TRaciAssignment, TWorkflowChoices } from "@/lib/contracts/workflows";
import { RACI_FUNCTIONS, RACI_ROLES } from "./labels";
import { RaciColumnHeaders, RaciPersonHeader } from "./raci-headers";
import { useRaciDraft } from "./use-raci-draft";

type TProps = {
  id: string;
  people: TWorkflowChoices["people"];
  value: readonly TRaciAssignment[];
  onChange: (value: TRaciAssignment[]) => void;
  error?: string;
};

/** People rows × function columns, each cell R, A, C, I or nothing; exactly one A in the whole chart. */
export function RaciGrid({ id, people, value, onChange, error }: TProps) {
  const { rows, available, adding, accountable, roleOf, setCell, removeRow, choose, addChosen } = useRaciDraft({ people, value, onChange });
  const errorId = error ? `${id}-error` : undefined;

  return (
    <fieldset className="field fieldset raci-grid" id={id} aria-describedby={[errorId, `${id}-hint`].filter(Boolean).join(" ")}>
      <legend>RACI chart</legend>
      <p id={`${id}-hint`} className="hint">
        R responsible · A accountable (exactly one for the workflow) · C consulted · I informed. Every function needs someone before
        activation.
      </p>
      <DataTable
        columns={
          <>
            <RaciColumnHeaders />
            <ActionsHeader label="Remove" />
          </>
        }
      >
        {rows.map((userId) => {
          const person = people.find((p) => p.id === userId);
          const name = person?.name ?? "Unknown person";
          return (
            <tr key={userId}>
              <RaciPersonHeader name={name} email={person?.email} />
              {RACI_FUNCTIONS.map((f) => (
                <td key={f.value}>
                  <select
                    aria-label={`${name}: ${f.label}`}
                    value={roleOf(userId, f.value)}
                    onChange={(e) => setCell(userId, f.value, e.target.value)}
                  >
                    <option value="">—</option>
                    {RACI_ROLES.map((r) => (
                      <option key={r.value} value={r.value}>
                        {r.letter} · {r.label}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
              <td className="row-actions">
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`Remove ${name}`}
                  onClick={() => removeRow(userId)}
                >
                  Remove
                </button>
              </td>
            </tr>
          );
        })}
      </DataTable>
      <div className="raci-add">
        <label className="visually-hidden" htmlFor={`${id}-add`}>
          Person to add
        </label>
        <select id={`${id}-add`} value={adding} onChange={(e) => choose(e.target.value)}>
          <option value="">Choose a person…</option>
          {available.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.email})
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" disabled={!adding} onClick={addChosen}>
          Add person
        </button>
      </div>
      <p className={accountable.ok ? "hint" : "hint warn-text"} role="status">
        {accountable.text}
      </p>
      {error ? (
        <p id={errorId} className="error field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
