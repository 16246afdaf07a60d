import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/client/api-error";
import type { TWorkflowPermissions } from "@/lib/contracts/changes";
import {
  appliedMessage,
  checkPermissionsDraft,
  draftProblems,
  initialPermissionsDraft,
  permissionsDraftReducer,
} from "./permissions-draft";

const base: TWorkflowPermissions = {
  workflow: { id: "wf-1", key: "refund-bot", name: "Refund bot", status: "DRAFT", environment: "DEV", version: 4 },
  permissions: {
    dataClassKeys: ["pii"],
    modelRefs: ["openai/gpt/4o"],
    tools: [{ toolKey: "stripe.refund", ratePerMinute: 10, argumentConstraints: { properties: { amount: { maximum: 500 } } }, tier: "T2" }],
  },
  pendingChange: null,
  canEdit: true,
};

describe("permissions draft", () => {
  it("starts from the version shown, numbers and JSON as text", () => {
    expect(initialPermissionsDraft(base)).toEqual({
      dataClassKeys: ["pii"],
      modelRefs: ["openai/gpt/4o"],
      grants: [
        {
          toolKey: "stripe.refund",
          rate: "10",
          constraints: JSON.stringify({ properties: { amount: { maximum: 500 } } }, null, 2),
          tier: "T2",
        },
      ],
      localProblems: {},
    });
  });

  it("changes one area per action and leaves the others", () => {
    const start = initialPermissionsDraft(base);
    const edited = permissionsDraftReducer(permissionsDraftReducer(start, { type: "dataClassKeys", value: ["pii", "card"] }), {
      type: "modelRefs",
      value: [],
    });
    expect(edited).toEqual({ ...start, dataClassKeys: ["pii", "card"], modelRefs: [] });
    expect(permissionsDraftReducer(start, { type: "grants", value: [] }).grants).toEqual([]);
    expect(permissionsDraftReducer(start, { type: "checked", problems: { "tools.0.tier": "x" } }).localProblems).toEqual({
      "tools.0.tier": "x",
    });
  });

  it("turns a sound draft into the edit against the version it was opened from", () => {
    const { edit, problems } = checkPermissionsDraft(initialPermissionsDraft(base), 4);
    expect(problems).toEqual({});
    expect(edit).toEqual({ permissions: base.permissions, expectedVersion: 4 });
  });

  it("sends nothing while a grant's rate or constraints cannot be read, and says which", () => {
    const start = initialPermissionsDraft(base);
    const broken = permissionsDraftReducer(start, {
      type: "grants",
      value: [{ toolKey: "stripe.refund", rate: "0", constraints: "{nope", tier: "T1" }],
    });
    const { edit, problems } = checkPermissionsDraft(broken, 4);
    expect(edit).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(["tools.0.argumentConstraints", "tools.0.ratePerMinute"]);
  });

  it("lets the form's own problems win over the server's for the same field", () => {
    const error = new ApiError({
      code: "validation_failed",
      status: 400,
      errors: [
        { path: "body.permissions.modelRefs.0", message: "server on models" },
        { path: "body.permissions.tools.0.ratePerMinute", message: "server on rate" },
      ],
    });
    expect(draftProblems(error, { "tools.0.ratePerMinute": "form on rate" })).toEqual({
      "modelRefs.0": "server on models",
      "tools.0.ratePerMinute": "form on rate",
    });
    expect(draftProblems(null, {})).toEqual({});
  });

  it("counts the changes saved", () => {
    expect(appliedMessage("refund-bot", { changes: [1], version: 5 })).toBe("Saved 1 change: refund-bot is now at version 5.");
    expect(appliedMessage("refund-bot", { changes: [1, 2], version: 6 })).toBe("Saved 2 changes: refund-bot is now at version 6.");
  });
});
