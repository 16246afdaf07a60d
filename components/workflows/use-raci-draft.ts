"use client";

import { useReducer } from "react";
import type { TRaciAssignment, TWorkflowChoices } from "@/lib/contracts/workflows";
import { accountableStatus, initialRaciRows, raciRoleOf, raciRows, raciRowsReducer, withoutRaciPerson, withRaciCell } from "./raci-draft";

/** A RACI chart being edited: its rows, who can still be added, and the one-Accountable check. */
export function useRaciDraft(options: {
  people: TWorkflowChoices["people"];
  value: readonly TRaciAssignment[];
  onChange: (value: TRaciAssignment[]) => void;
}) {
  const { people, value, onChange } = options;
  const [state, dispatch] = useReducer(raciRowsReducer, initialRaciRows);
  const rows = raciRows(value, state.extraRows);
  return {
    rows,
    available: people.filter((p) => !rows.includes(p.id)),
    adding: state.adding,
    accountable: accountableStatus(value, people),
    roleOf: (userId: string, fn: TRaciAssignment["function"]) => raciRoleOf(value, userId, fn),
    setCell: (userId: string, fn: TRaciAssignment["function"], role: string) => onChange(withRaciCell(value, userId, fn, role)),
    removeRow: (userId: string) => {
      dispatch({ type: "remove", userId });
      onChange(withoutRaciPerson(value, userId));
    },
    choose: (userId: string) => dispatch({ type: "choose", userId }),
    addChosen: () => dispatch({ type: "add" }),
  };
}
