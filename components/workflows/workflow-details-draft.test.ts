import { describe, expect, it } from "vitest";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { detailsChange, detailsDraftReducer, detailValuesOf, initialDetailsDraft } from "./workflow-details-draft";

const owner = { id: "u-ana", name: "Ana", email: "ana@example.com" };
const opened: TWorkflowDetail = {
  id: "wf-1",
  key: "refund-bot",
  name: "Refund bot",
  environment: "DEV",
  status: "DRAFT",
  owner,
  maxSensitivity: null,
  maxTier: null,
  version: 3,
  updatedAt: "2026-01-01T00:00:00.000Z",
  purpose: "Refunds",
  runbook: "Refund by hand",
  approvalTimeoutMinutes: 60,
  createdAt: "2026-01-01T00:00:00.000Z",
  raci: [],
  dataClasses: [],
  models: [],
  tools: [],
  canEdit: true,
};
const edit = (values: ReturnType<typeof detailValuesOf>, field: keyof ReturnType<typeof detailValuesOf>, value: string) =>
  detailsDraftReducer({ base: opened, values, notice: null }, { type: "edit", field, value }).values;

describe("workflow details draft", () => {
  it("sends nothing when no field changed, trimmed text counting as unchanged", () => {
    expect(detailsChange(detailValuesOf(opened), opened, opened)).toBeNull();
    expect(detailsChange(edit(detailValuesOf(opened), "name", " Refund bot "), opened, opened)).toBeNull();
  });

  it("sends only the fields that differ, as typed", () => {
    let values = edit(detailValuesOf(opened), "purpose", "Refunds under 500");
    values = edit(values, "approvalTimeoutMinutes", "90");
    values = edit(values, "environment", "PROD");
    expect(detailsChange(values, opened, opened)).toEqual({
      expectedVersion: 3,
      purpose: "Refunds under 500",
      approvalTimeoutMinutes: 90,
      environment: "PROD",
    });
  });

  it("sends a blank timeout as not-a-number so the server names the problem", () => {
    expect(detailsChange(edit(detailValuesOf(opened), "approvalTimeoutMinutes", " "), opened, opened)?.approvalTimeoutMinutes).toBeNaN();
  });

  it("saves onto a newer version only when these fields did not change in it", () => {
    const values = edit(detailValuesOf(opened), "runbook", "Call finance");
    expect(
      detailsChange(values, opened, { ...opened, version: 4, raci: [{ user: owner, function: "SECURITY", role: "INFORMED" }] })
        ?.expectedVersion,
    ).toBe(4);
    expect(detailsChange(values, opened, { ...opened, version: 4, name: "Renamed" })?.expectedVersion).toBe(3);
  });

  it("starts again from a version, and after a save from the saved one with a notice", () => {
    const draft = detailsDraftReducer(initialDetailsDraft(opened), { type: "edit", field: "name", value: "Typed" });
    const noticed = detailsDraftReducer(draft, { type: "notice", notice: "Nothing to save: no field was changed." });
    const current = { ...opened, name: "Theirs", version: 5 };
    expect(detailsDraftReducer(noticed, { type: "startFrom", workflow: current })).toEqual({
      base: current,
      values: detailValuesOf(current),
      notice: noticed.notice,
    });
    expect(detailsDraftReducer(draft, { type: "saved", saved: current })).toEqual({
      base: current,
      values: detailValuesOf(current),
      notice: "Saved (version 5).",
    });
  });
});
