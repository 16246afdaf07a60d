import { describe, expect, it } from "vitest";
import { initialDraft, stepOf, validateDraft, type TDraft } from "./wizard-draft";

const self = "0b0e2c1e-8f7a-4c43-9d1e-5a0f6d0f0a01";
const other = "7c1a9e55-3b9b-4a57-8f3e-0d6f0a9b2c02";
const draft = (patch: Partial<TDraft> = {}): TDraft => ({
  ...initialDraft({ ownerId: self }),
  key: "refund-bot",
  name: "Refund bot",
  purpose: "Refunds",
  ...patch,
});
const tool = { toolKey: "stripe.refund", tier: "T3" as const, ratePerMinute: "", amountCap: "", constraints: "" };

describe("validateDraft", () => {
  it("turns a complete draft into the request, defaulting the owner to the caller", () => {
    const { input, errors } = validateDraft(draft(), { isAdmin: false, selfId: self });
    expect(errors).toEqual({});
    expect(input).toMatchObject({ key: "refund-bot", raci: [{ userId: self, role: "ACCOUNTABLE" }], permissions: { tools: [] } });
    expect(input).not.toHaveProperty("ownerId");
    expect(validateDraft(draft({ ownerId: other }), { isAdmin: true, selfId: self }).input.ownerId).toBe(other);
  });

  it("sends the approval timeout as a number, refuses a blank or out-of-bounds one, and shows it on the purpose step", () => {
    expect(validateDraft(draft(), { isAdmin: false, selfId: self }).input.approvalTimeoutMinutes).toBe(60);
    expect(validateDraft(draft({ approvalTimeoutMinutes: "90" }), { isAdmin: false, selfId: self }).input.approvalTimeoutMinutes).toBe(90);
    const errorOf = (approvalTimeoutMinutes: string) =>
      validateDraft(draft({ approvalTimeoutMinutes }), { isAdmin: false, selfId: self }).errors;
    expect(errorOf(" ")).toEqual({ approvalTimeoutMinutes: "Enter the approval timeout in whole minutes" });
    expect(errorOf("10081")).toEqual({ approvalTimeoutMinutes: "Use at most 10,080 minutes (7 days)" });
    expect(stepOf("approvalTimeoutMinutes")).toBe("purpose");
  });

  it("folds an amount cap into the constraints typed as JSON", () => {
    const { input, errors } = validateDraft(
      draft({
        tools: [{ ...tool, ratePerMinute: "10", amountCap: "500", constraints: '{"properties": {"currency": {"enum": ["EUR"]}}}' }],
      }),
      { isAdmin: false, selfId: self },
    );
    expect(errors).toEqual({});
    expect(input.permissions?.tools?.[0]).toEqual({
      toolKey: "stripe.refund",
      tier: "T3",
      ratePerMinute: 10,
      argumentConstraints: { properties: { currency: { enum: ["EUR"] }, amount: { maximum: 500 } } },
    });
  });

  it("names each bad field by its path, and knows which step shows it", () => {
    const { errors } = validateDraft(
      draft({ key: "Bad Key", raci: [], tools: [{ ...tool, ratePerMinute: "0", amountCap: "-1", constraints: "{nope" }] }),
      { isAdmin: false, selfId: self },
    );
    expect(Object.keys(errors).sort()).toEqual(["key", "raci", "tools.0.amountCap", "tools.0.constraints", "tools.0.ratePerMinute"]);
    expect(Object.keys(errors).map(stepOf).sort()).toEqual(["people", "purpose", "tools", "tools", "tools"]);
    expect(stepOf("permissions")).toBe("review");
  });
});
