import { describe, expect, it } from "vitest";
import { describeDecisionReuse, type TDecisionBinding } from "./decision-binding";

const ID = "6f1c1c1e-0000-4000-8000-000000000001";
const first: TDecisionBinding = {
  workflow: "wf",
  tokenId: "t1",
  runId: "run-1",
  tool: "zendesk.ticket.read",
  model: "a/b/c",
  dataClasses: ["support-tickets"],
  argumentsHash: "a".repeat(64),
};

describe("a decision id's binding", () => {
  it("accepts the very same call", () => {
    expect(describeDecisionReuse({ decisionId: ID, first, again: { ...first, dataClasses: ["support-tickets"] } })).toBeNull();
  });

  it.each([
    ["tool", { tool: "stripe.refund" }, "was already used for a call to zendesk.ticket.read, not stripe.refund"],
    ["token", { tokenId: "t2" }, "made with another service token"],
    ["run", { runId: "run-2" }, 'in run "run-1", not "run-2"'],
    ["model", { model: "x/y/z" }, "by model a/b/c, not x/y/z"],
    ["data classes", { dataClasses: [] }, "with data classes [support-tickets], not []"],
    ["arguments", { argumentsHash: "b".repeat(64) }, "with other arguments (SHA-256 aaaaaaaaaaaa…"],
  ])("names the %s when it differs", (_field, change, text) => {
    const detail = describeDecisionReuse({ decisionId: ID, first, again: { ...first, ...change } });
    expect(detail).toContain(text);
    expect(detail).toContain(`decisionId ${ID}`);
    expect(detail).toContain("use a fresh decisionId");
  });

  it("tells another workflow nothing about the first call", () => {
    const detail = describeDecisionReuse({ decisionId: ID, first, again: { ...first, workflow: "other", tool: "stripe.refund" } });
    expect(detail).toBe(`decisionId ${ID} was already used by another workflow; use a fresh decisionId for a different call`);
  });
});
