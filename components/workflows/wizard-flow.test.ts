import { describe, expect, it } from "vitest";
import { initialDraft, type TDraft } from "./wizard-draft";
import { checkStep, checkSubmission, initialWizard, listedServerErrors, serverFailure, stepIndex, wizardReducer } from "./wizard-flow";

const self = "0b0e2c1e-8f7a-4c43-9d1e-5a0f6d0f0a01";
const who = { isAdmin: false, selfId: self };
const complete = (patch: Partial<TDraft> = {}): TDraft => ({
  ...initialDraft({ ownerId: self }),
  key: "refund-bot",
  name: "Refund bot",
  purpose: "Refunds",
  ...patch,
});

describe("wizard flow", () => {
  it("starts on the purpose step with the draft given", () => {
    const state = initialWizard(initialDraft({ ownerId: self, key: "shadow-key" }));
    expect(state.step).toBe("purpose");
    expect(state.errors).toEqual({});
    expect(state.draft.key).toBe("shadow-key");
    expect(stepIndex("review")).toBe(4);
  });

  it("patches the draft, and moving to a step clears the problems shown", () => {
    const patched = wizardReducer(initialWizard(complete()), { type: "patch", patch: { name: "Refunder" } });
    expect(patched.draft).toEqual(complete({ name: "Refunder" }));
    const failed = wizardReducer(patched, { type: "failed", errors: { name: "x" } });
    expect(failed).toMatchObject({ step: "purpose", errors: { name: "x" } });
    expect(wizardReducer(failed, { type: "goTo", step: "tools" })).toMatchObject({ step: "tools", errors: {} });
    expect(wizardReducer(failed, { type: "failed", errors: { raci: "y" }, step: "people" })).toMatchObject({
      step: "people",
      errors: { raci: "y" },
    });
  });

  it("goes on only when the current step's own fields are sound", () => {
    const blank = initialDraft({ ownerId: self });
    const stuck = checkStep(blank, "purpose", who);
    expect("errors" in stuck && Object.keys(stuck.errors).sort()).toEqual(["key", "name", "purpose"]);
    // The purpose step's problems do not hold back the people step.
    expect(checkStep(blank, "people", who)).toEqual({ next: "data" });
    expect(checkStep(complete(), "purpose", who)).toEqual({ next: "people" });
    expect(checkStep(complete(), "review", who)).toEqual({ next: null });
  });

  it("on submit, sends the request or opens the step of the first problem with every problem", () => {
    const sound = checkSubmission(complete(), who);
    expect("input" in sound && sound.input.key).toBe("refund-bot");
    const broken = checkSubmission(complete({ raci: [], name: "" }), who);
    expect(broken).toMatchObject({ step: "purpose", errors: { name: expect.any(String), raci: expect.any(String) } });
  });

  it("takes the server's field problems to the step that shows the first one", () => {
    expect(serverFailure({ "tools.0.tier": "No such tier", key: "Taken" })).toEqual({
      type: "failed",
      errors: { "tools.0.tier": "No such tier", key: "Taken" },
      step: "tools",
    });
    expect(serverFailure({})).toEqual({ type: "failed", errors: {} });
  });

  it("lists in the alert the server problems the current step does not show, and all of them on review", () => {
    const problems = { key: "Taken", raci: "Name exactly one Accountable person" };
    expect(listedServerErrors(problems, "purpose")).toEqual([["raci", "Name exactly one Accountable person"]]);
    expect(listedServerErrors(problems, "review")).toEqual(Object.entries(problems));
  });
});
