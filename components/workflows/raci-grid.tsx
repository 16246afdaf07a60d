"use client";

import { useState } from "react";
import { ActionsHeader, DataTable } from "@/components/ui/data-table";
import type { TRaciAssignment, TWorkflowChoices } from "@/lib/contracts/workflows";
import { RACI_FUNCTIONS, RACI_ROLES } from "./labels";
import { RaciColumnHeaders, RaciPersonHeader } from "./raci-headers";

type TProps = {
  id: string;
  people: TWorkflowChoices["people"];
  value: readonly TRaciAssignment[];
  onChange: (value: TRaciAssignment[]) => void;
  error?: string;
};

/** People rows × function columns, each cell R, A, C, I or nothing; exactly one A in the whole chart. */
export function RaciGrid({ id, people, value, onChange, error }: TProps) {
  const [extraRows, setExtraRows] = useState<string[]>([]);
  const [adding, setAdding] = useState("");
  const rows = [...new Set([...value.map((a) => a.userId), ...extraRows])];
  const available = people.filter((p) => !rows.includes(p.id));
  const accountable = value.filter((a) => a.role === "ACCOUNTABLE");
  const errorId = error ? `${id}-error` : undefined;

  function setCell(userId: string, fn: TRaciAssignment["function"], role: string) {
    const rest = value.filter((a) => !(a.userId === userId && a.function === fn));
    const chosen = RACI_ROLES.find((r) => r.value === role);
    onChange(chosen ? [...rest, { userId, function: fn, role: chosen.value }] : rest);
  }

  function removeRow(userId: string) {
    setExtraRows(extraRows.filter((r) => r !== userId));
    onChange(value.filter((a) => a.userId !== userId));
  }

  return (
    <fieldset className="field fieldset raci-grid" id={id} aria-describedby={[errorId, `${id}-hint`].filter(Boolean).join(" ")}>
      <legend>RACI chart</legend>
      <p id={`${id}-hint`} className="hint">
        R responsible · A accountable (exactly one for the workflow) · C consulted · I informed. Every function needs someone before activation.
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
                    value={value.find((a) => a.userId === userId && a.function === f.value)?.role ?? ""}
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
                <button type="button" className="button button-small button-quiet" aria-label={`Remove ${name}`} onClick={() => removeRow(userId)}>
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
        <select id={`${id}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">Choose a person…</option>
          {available.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.email})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          disabled={!adding}
          onClick={() => {
            setExtraRows([...extraRows, adding]);
            setAdding("");
          }}
        >
          Add person
        </button>
      </div>
      <p className={accountable.length === 1 ? "hint" : "hint warn-text"} role="status">
        {accountable.length === 1
          ? `Accountable: ${people.find((p) => p.id === accountable[0]?.userId)?.name ?? "someone"}`
          : accountable.length === 0
            ? "Nobody is Accountable yet: choose exactly one."
            : `${accountable.length} people are Accountable: keep exactly one.`}
      </p>
      {error ? (
        <p id={errorId} className="error field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
