import type { TRaciAssignment, TWorkflowChoices } from "@/lib/contracts/workflows";
import { RACI_ROLES } from "./labels";

type TPeople = TWorkflowChoices["people"];

/** People added as rows but not yet given a role, and the person chosen in the "add" picker. */
export type TRaciRowsState = { extraRows: string[]; adding: string };

export type TRaciRowsAction = { type: "choose"; userId: string } | { type: "add" } | { type: "remove"; userId: string };

export const initialRaciRows: TRaciRowsState = { extraRows: [], adding: "" };

export function raciRowsReducer(state: TRaciRowsState, action: TRaciRowsAction): TRaciRowsState {
  switch (action.type) {
    case "choose":
      return { ...state, adding: action.userId };
    case "add":
      return { extraRows: [...state.extraRows, state.adding], adding: "" };
    case "remove":
      return { ...state, extraRows: state.extraRows.filter((r) => r !== action.userId) };
  }
}

/** One row per person with a role, then the people added without one yet. */
export function raciRows(value: readonly TRaciAssignment[], extraRows: readonly string[]): string[] {
  return [...new Set([...value.map((a) => a.userId), ...extraRows])];
}

export function raciRoleOf(
  value: readonly TRaciAssignment[],
  userId: string,
  fn: TRaciAssignment["function"],
): TRaciAssignment["role"] | "" {
  return value.find((a) => a.userId === userId && a.function === fn)?.role ?? "";
}

/** The chart with one cell set to `role`, or emptied when `role` is not one (the "—" option). */
export function withRaciCell(
  value: readonly TRaciAssignment[],
  userId: string,
  fn: TRaciAssignment["function"],
  role: string,
): TRaciAssignment[] {
  const rest = value.filter((a) => !(a.userId === userId && a.function === fn));
  const chosen = RACI_ROLES.find((r) => r.value === role);
  return chosen ? [...rest, { userId, function: fn, role: chosen.value }] : rest;
}

export function withoutRaciPerson(value: readonly TRaciAssignment[], userId: string): TRaciAssignment[] {
  return value.filter((a) => a.userId !== userId);
}

/** Whether the chart has exactly one Accountable person, and the line that says so. */
export function accountableStatus(value: readonly TRaciAssignment[], people: TPeople): { ok: boolean; text: string } {
  const accountable = value.filter((a) => a.role === "ACCOUNTABLE");
  if (accountable.length === 1)
    return { ok: true, text: `Accountable: ${people.find((p) => p.id === accountable[0]?.userId)?.name ?? "someone"}` };
  if (accountable.length === 0) return { ok: false, text: "Nobody is Accountable yet: choose exactly one." };
  return { ok: false, text: `${accountable.length} people are Accountable: keep exactly one.` };
}
