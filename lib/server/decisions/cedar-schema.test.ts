import { checkParseSchema, isAuthorized, validate } from "@cedar-policy/cedar-wasm/nodejs";
import { describe, expect, it } from "vitest";
import { buildCedarContext } from "./build-cedar-context";
import { CEDAR_CONTEXT_ATTRIBUTES, DECISION_CEDAR_SCHEMA } from "./cedar-schema";
import { NO_RESTRICTED_MONEY_IN_PROD } from "@/test/fixtures/decisions";

const check = (text: string) => {
  const answer = validate({ schema: DECISION_CEDAR_SCHEMA, policies: { staticPolicies: text }, validationSettings: { mode: "strict" } });
  if (answer.type === "failure") throw new Error(answer.errors.map((e) => e.message).join("; "));
  return answer.validationErrors.map((e) => e.error.message);
};

describe("DECISION_CEDAR_SCHEMA: the documented model is the one decide sends", () => {
  it("parses", () => {
    expect(checkParseSchema(DECISION_CEDAR_SCHEMA)).toEqual({ type: "success" });
  });

  it("validates the PRODUCT.md example and catches an unguarded optional amount", () => {
    expect(check(NO_RESTRICTED_MONEY_IN_PROD.text)).toEqual([]);
    expect(
      check(
        'forbid (principal == Workflow::"support-refunds", action == Action::"call", resource == Tool::"stripe.refund") when { context has amount && context.amount > 100000 && context.sensitivityRank >= 2 };',
      ),
    ).toEqual([]);
    expect(check("forbid (principal, action, resource) when { context.amount > 100000 };")[0]).toMatch(/optional attribute `amount`/);
  });

  it("accepts the full context built for a call, checked by Cedar against the schema", () => {
    const context = buildCedarContext({
      attributes: new Set(CEDAR_CONTEXT_ATTRIBUTES),
      facts: {
        environment: "PROD",
        consequence: "MONEY_MOVEMENT",
        tier: "T3",
        sensitivity: "RESTRICTED",
        dataClasses: ["payment-cards"],
        tags: new Set(["PCI", "PII"]),
        detectedTags: new Set(["PCI"]),
        model: "anthropic/claude-sonnet-4-5/2025-09-29",
        args: { amount: 12_000 },
      },
    });
    const answer = isAuthorized({
      principal: { type: "Workflow", id: "support-refunds" },
      action: { type: "Action", id: "call" },
      resource: { type: "Tool", id: "stripe.refund" },
      context,
      schema: DECISION_CEDAR_SCHEMA,
      validateRequest: true,
      policies: { staticPolicies: NO_RESTRICTED_MONEY_IN_PROD.text },
      entities: [],
    });
    expect(answer.type === "success" && answer.response.decision).toBe("deny");
  });
});
