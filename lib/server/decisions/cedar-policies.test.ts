import { describe, expect, it } from "vitest";
import { buildCedarContext } from "./build-cedar-context";
import { CEDAR_CONTEXT_ATTRIBUTES, CEDAR_DEFAULT_PERMIT_ID } from "./cedar-schema";
import { decideWith, givenSnapshot, NO_RESTRICTED_MONEY_IN_PROD } from "@/test/fixtures/decisions";

const policy = (key: string, text: string, version = 1) => ({ key, version, text });
const sliceOf = (snapshot: ReturnType<typeof givenSnapshot>, tool: string) => snapshot.tools.get(tool)?.cedar ?? null;
const refund = (args: Record<string, unknown> = {}, dataClasses: string[] = []) => ({
  tool: "stripe.refund",
  arguments: { chargeId: "ch_1", amount: 12_000, currency: "USD", ...args },
  dataClasses,
});
const email = {
  tool: "email.send",
  arguments: { to: "ada@example.com", subject: "Hi", body: "Refund done" },
  dataClasses: ["support-tickets"],
};

describe("Cedar forbids only: permit by default", () => {
  it("forbids nothing without policies, and evaluates nothing", () => {
    const snapshot = givenSnapshot();
    expect([...snapshot.tools.values()].map((t) => t.cedar)).toEqual([null, null, null, null]);
    expect(decideWith({ snapshot }).outcome).toBe("allow");
  });

  it("gives permit policies no effect: they neither allow nor join the slice", () => {
    const snapshot = givenSnapshot({
      policies: [policy("only-permits", 'permit (principal, action, resource) when { context.tier == "T0" };')],
    });
    expect(sliceOf(snapshot, "stripe.refund")).toBeNull();
    expect(decideWith({ snapshot, request: refund() }).outcome).toBe("require_approval");
  });

  it("keeps the built-in permit out of the reasons and the policy ids collision-free", () => {
    const snapshot = givenSnapshot({ policies: [NO_RESTRICTED_MONEY_IN_PROD] });
    expect(Object.keys(sliceOf(snapshot, "stripe.refund")?.staticPolicies ?? {}).sort()).toEqual([
      "no-restricted-money-in-prod",
      CEDAR_DEFAULT_PERMIT_ID,
    ]);
  });
});

describe("the PRODUCT.md example: forbid MONEY_MOVEMENT on RESTRICTED data in prod", () => {
  const prod = givenSnapshot({ policies: [NO_RESTRICTED_MONEY_IN_PROD] });

  it("forbids a refund touching payment cards in PROD", () => {
    expect(decideWith({ snapshot: prod, request: refund({}, ["payment-cards"]) }).reasons).toEqual([
      { rule: 8, code: "policy_forbids", message: "Policy no-restricted-money-in-prod (v1) forbids this call" },
    ]);
  });

  it("forbids it when DLP finds the card in the arguments though the call names no class", () => {
    const decision = decideWith({ snapshot: prod, request: refund({ note: "duplicate on 4242 4242 4242 4242" }) });
    expect(decision.reasons.map((r) => r.code)).toEqual(["policy_forbids"]);
  });

  it("lets the same refund on INTERNAL data through to approval, and the same workflow in STAGING", () => {
    expect(decideWith({ snapshot: prod, request: refund({}, ["support-tickets"]) }).outcome).toBe("require_approval");
    const staging = givenSnapshot({ environment: "STAGING", policies: [NO_RESTRICTED_MONEY_IN_PROD] });
    expect(decideWith({ snapshot: staging, token: { environment: "STAGING" }, request: refund({}, ["payment-cards"]) }).outcome).toBe(
      "require_approval",
    );
  });

  it("sends Cedar only the context attributes the policies read", () => {
    expect([...(sliceOf(prod, "stripe.refund")?.contextAttributes ?? [])].sort()).toEqual(["consequence", "environment", "maxSensitivity"]);
  });

  it("leaves Cedar out for tools the policy provably cannot touch, by Cedar's partial evaluation", () => {
    expect(sliceOf(prod, "stripe.refund")).not.toBeNull();
    expect(["zendesk.ticket.read", "crm.contact.update", "email.send"].map((t) => sliceOf(prod, t))).toEqual([null, null, null]);
    // Cedar keeps `unknown && false` as a residual (the left side might error), so only a
    // condition that tests the known facts first is pruned for a STAGING workflow.
    const factsFirst = policy(
      "prod-first",
      'forbid (principal, action, resource) when { context.environment == "PROD" && context.maxSensitivity == "RESTRICTED" };',
    );
    expect(sliceOf(givenSnapshot({ environment: "STAGING", policies: [factsFirst] }), "stripe.refund")).toBeNull();
    expect(sliceOf(givenSnapshot({ environment: "STAGING", policies: [NO_RESTRICTED_MONEY_IN_PROD] }), "stripe.refund")).not.toBeNull();
  });
});

describe("policy scope and slicing", () => {
  const scoped = [
    policy("freeze-other", 'forbid (principal == Workflow::"ticket-triage", action, resource);'),
    policy("no-email-here", 'forbid (principal == Workflow::"support-refunds", action, resource == Tool::"email.send");'),
  ];

  it("forbids by workflow and tool, and slices out policies for other workflows", () => {
    const snapshot = givenSnapshot({ policies: scoped });
    expect([...(sliceOf(snapshot, "email.send")?.sources.keys() ?? [])]).toEqual(["no-email-here"]);
    expect(sliceOf(snapshot, "zendesk.ticket.read")).toBeNull();
    expect(decideWith({ snapshot, request: email }).reasons[0]?.message).toBe("Policy no-email-here (v1) forbids this call");
    expect(decideWith({ snapshot }).outcome).toBe("allow");
  });

  it("names the one policy of several in a text that forbade", () => {
    const text =
      'forbid (principal, action, resource) when { context.tier == "T9" };\nforbid (principal, action, resource) when { context has amount && context.amount > 100000 };';
    const snapshot = givenSnapshot({ policies: [policy("limits", text, 4)] });
    expect(decideWith({ snapshot, request: refund({ amount: 12_000 }) }).outcome).toBe("require_approval");
    const big = givenSnapshot({ policies: [policy("limits", text.replace("100000", "10000"), 4)] });
    expect(decideWith({ snapshot: big, request: refund({ amount: 12_000 }) }).reasons).toEqual([
      { rule: 8, code: "policy_forbids", message: "Policy limits (v4) [limits#2] forbids this call" },
    ]);
  });

  it("can test the model, provider, tags and data classes", () => {
    const text =
      'forbid (principal, action, resource) when { context.provider == "openai" && context.tags.contains("PII") && context.dataClasses.contains("support-tickets") && context.model like "openai/*" };';
    const snapshot = givenSnapshot({ policies: [policy("no-pii-to-openai", text)] });
    expect(decideWith({ snapshot, request: { model: "openai/gpt-4.1/2025-04-14" } }).reasons[0]?.code).toBe("policy_forbids");
    expect(decideWith({ snapshot }).outcome).toBe("allow");
  });

  it("shares one pre-parsed set between workflows facing the same policies, and names new content anew", () => {
    const a = sliceOf(givenSnapshot({ policies: [NO_RESTRICTED_MONEY_IN_PROD] }), "stripe.refund");
    expect(
      sliceOf(givenSnapshot({ id: "another", key: "vendor-payments", policies: [NO_RESTRICTED_MONEY_IN_PROD] }), "stripe.refund"),
    ).toBe(a);
    const edited = givenSnapshot({
      policies: [
        { ...NO_RESTRICTED_MONEY_IN_PROD, version: 2, text: NO_RESTRICTED_MONEY_IN_PROD.text.replace("RESTRICTED", "CONFIDENTIAL") },
      ],
    });
    expect(sliceOf(edited, "stripe.refund")?.policySetId).not.toBe(a?.policySetId);
    expect(decideWith({ request: refund({}, ["payment-cards"]), snapshot: edited }).outcome).toBe("require_approval");
    expect(
      decideWith({ request: refund({}, ["payment-cards"]), snapshot: givenSnapshot({ policies: [NO_RESTRICTED_MONEY_IN_PROD] }) }).outcome,
    ).toBe("deny");
  });
});

describe("fail closed", () => {
  it("forbids when a policy errors instead of skipping it as Cedar would", () => {
    const snapshot = givenSnapshot({
      policies: [policy("careless", "forbid (principal, action, resource) when { context.amount > 100000 };", 2)],
    });
    expect([...snapshot.tools.values()].every((t) => t.cedar !== null)).toBe(true);
    const decision = decideWith({ snapshot });
    expect(decision.outcome).toBe("deny");
    expect(decision.reasons[0]?.message).toMatch(
      /^Policy careless \(v2\) failed to evaluate \(.*amount.*\), and a policy that cannot be evaluated forbids$/,
    );
    expect(decideWith({ snapshot, request: refund({ amount: 12_000 }) }).outcome).toBe("require_approval");
  });

  it("forbids everything while a policy's text cannot be parsed", () => {
    const snapshot = givenSnapshot({ policies: [policy("broken", "forbid (principal, action resource);")] });
    const decision = decideWith({ snapshot });
    expect(decision.reasons).toHaveLength(1);
    expect(decision.reasons[0]?.message).toMatch(/^Policy broken \(v1\) cannot be parsed, and an unreadable policy forbids everything: /);
  });

  it("sends every attribute when a policy uses the context as a whole", () => {
    const snapshot = givenSnapshot({
      policies: [policy("whole", 'forbid (principal, action, resource) when { context == {"environment": "DEV"} };')],
    });
    expect(sliceOf(snapshot, "zendesk.ticket.read")?.contextAttributes.size).toBe(CEDAR_CONTEXT_ATTRIBUTES.length);
    expect(decideWith({ snapshot }).outcome).toBe("allow");
  });
});

describe("buildCedarContext", () => {
  it("leaves a fractional amount out, since Cedar integers cannot hold it", () => {
    const facts = {
      environment: "PROD" as const,
      consequence: "MONEY_MOVEMENT",
      tier: "T3",
      sensitivity: "RESTRICTED" as const,
      dataClasses: [],
      tags: new Set<never>(),
      detectedTags: new Set<never>(),
      model: "a/b/c",
    };
    expect(
      buildCedarContext({ attributes: new Set(["amount", "provider", "sensitivityRank"]), facts: { ...facts, args: { amount: 12.5 } } }),
    ).toEqual({ provider: "a", sensitivityRank: 3 });
    expect(buildCedarContext({ attributes: new Set(["amount"]), facts: { ...facts, args: { amount: 1250 } } })).toEqual({ amount: 1250 });
  });
});
