import { describe, expect, it } from "vitest";
import type { TRaciAssignment } from "@/lib/contracts/workflows";
import { accountableStatus, initialRaciRows, raciRoleOf, raciRows, raciRowsReducer, withoutRaciPerson, withRaciCell } from "./raci-draft";

const ana = { id: "u-ana", name: "Ana", email: "ana@example.com", roles: [] };
const bo = { id: "u-bo", name: "Bo", email: "bo@example.com", roles: [] };
const people = [ana, bo];
const chart: TRaciAssignment[] = [
  { userId: ana.id, function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" },
  { userId: ana.id, function: "SECURITY", role: "INFORMED" },
];

describe("RACI draft", () => {
  it("sets, replaces and empties one cell, leaving the rest of the chart", () => {
    const set = withRaciCell(chart, bo.id, "DATA_OWNER", "RESPONSIBLE");
    expect(set).toEqual([...chart, { userId: bo.id, function: "DATA_OWNER", role: "RESPONSIBLE" }]);
    expect(raciRoleOf(withRaciCell(set, bo.id, "DATA_OWNER", "CONSULTED"), bo.id, "DATA_OWNER")).toBe("CONSULTED");
    expect(withRaciCell(set, bo.id, "DATA_OWNER", "")).toEqual(chart);
    expect(raciRoleOf(chart, bo.id, "SECURITY")).toBe("");
  });

  it("lists people with a role first, then people added without one, each once", () => {
    const added = raciRowsReducer(raciRowsReducer(initialRaciRows, { type: "choose", userId: bo.id }), { type: "add" });
    expect(added).toEqual({ extraRows: [bo.id], adding: "" });
    expect(raciRows(chart, added.extraRows)).toEqual([ana.id, bo.id]);
    expect(raciRows([...chart, { userId: bo.id, function: "SECURITY", role: "CONSULTED" }], added.extraRows)).toEqual([ana.id, bo.id]);
  });

  it("removing a person drops their row and every cell of theirs", () => {
    const state = raciRowsReducer({ extraRows: [bo.id], adding: ana.id }, { type: "remove", userId: bo.id });
    expect(state).toEqual({ extraRows: [], adding: ana.id });
    expect(withoutRaciPerson(chart, ana.id)).toEqual([]);
  });

  it("asks for exactly one Accountable person", () => {
    expect(accountableStatus(chart, people)).toEqual({ ok: true, text: "Accountable: Ana" });
    expect(accountableStatus([{ userId: "u-gone", function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" }], people).text).toBe(
      "Accountable: someone",
    );
    expect(accountableStatus([], people)).toEqual({ ok: false, text: "Nobody is Accountable yet: choose exactly one." });
    const two = withRaciCell(chart, bo.id, "DATA_OWNER", "ACCOUNTABLE");
    expect(accountableStatus(two, people)).toEqual({ ok: false, text: "2 people are Accountable: keep exactly one." });
  });
});
