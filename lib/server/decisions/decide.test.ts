import { describe, expect, it } from "vitest";
import { ZDecisionResponse } from "@/lib/contracts/decisions";
import { createInMemoryRateLimiter } from "./create-in-memory-rate-limiter";
import {
  CLAUDE,
  DATA_CLASSES,
  decideWith,
  givenKillSwitches,
  givenSnapshot,
  GPT,
  MISTRAL,
  NO_RESTRICTED_MONEY_IN_PROD,
  TOOLS,
} from "@/test/fixtures/decisions";

// Each test sends a call that exactly one rule catches, so removing that rule turns the expected
// deny into an allow or a require_approval and the test fails.
const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);
const refund = (args: Record<string, unknown>, dataClasses: string[] = []) => ({
  tool: "stripe.refund",
  arguments: { chargeId: "ch_1", currency: "USD", ...args },
  dataClasses,
});

describe("decide: the baseline call passes every rule", () => {
  it("allows a T0 ticket read and answers in the contract's shape", () => {
    const decision = decideWith({});
    expect(decision.outcome).toBe("allow");
    expect(decision.reasons).toEqual([{ rule: 10, code: "allowed", message: "Allowed: zendesk.ticket.read is T0 and no rule stops it" }]);
    expect(ZDecisionResponse.parse(decision)).toEqual(decision);
    expect(decision).toMatchObject({
      workflowKey: "support-refunds",
      registryVersion: "r42",
      tier: "T0",
      decidedAt: "2026-03-15T10:00:00.000Z",
    });
  });

  it("keeps the caller's decision id for idempotent retries", () => {
    const decisionId = "0b6f3c3a-5d55-4b43-9d8e-2f1a7f3e9c10";
    expect(decideWith({ request: { decisionId } }).decisionId).toBe(decisionId);
  });
});

describe("rule 1: kill switches", () => {
  it.each([
    ["GLOBAL", "*", "The GLOBAL kill switch is engaged"],
    ["WORKFLOW", "support-refunds", "kill switch on workflow support-refunds"],
    ["TOOL", "zendesk.ticket.read", "kill switch on tool zendesk.ticket.read"],
    ["MODEL", CLAUDE, `kill switch on model ${CLAUDE}`],
    ["PROVIDER", "anthropic", "kill switch on provider anthropic"],
  ] as const)("denies when the %s switch covering the call is engaged", (scope, target, text) => {
    const decision = decideWith({ killSwitches: givenKillSwitches([[scope, target]]) });
    expect(decision.outcome).toBe("deny");
    expect(decision.reasons).toHaveLength(1);
    expect(decision.reasons[0]).toMatchObject({ rule: 1, code: "kill_switch_engaged" });
    expect(decision.reasons[0]?.message).toContain(text);
    expect(decision.reasons[0]?.message).toContain(`drill of ${scope.toLowerCase()}`);
  });

  it("denies every call while the engaged set is unknown, instead of failing open", () => {
    const decision = decideWith({ killSwitches: { engaged: () => null, unknown: "the NOTIFY connection is down" } });
    expect(decision.outcome).toBe("deny");
    expect(decision.reasons).toEqual([
      {
        rule: 1,
        code: "kill_switch_state_unknown",
        message: expect.stringContaining("the NOTIFY connection is down") as unknown as string,
      },
    ]);
  });

  it("ignores switches on other tools, models and providers", () => {
    const killSwitches = givenKillSwitches([
      ["TOOL", "stripe.refund"],
      ["MODEL", GPT],
      ["PROVIDER", "openai"],
      ["WORKFLOW", "ticket-triage"],
    ]);
    expect(decideWith({ killSwitches }).outcome).toBe("allow");
  });
});

describe("rule 2: workflow state and token environment", () => {
  it.each(["DRAFT", "PAUSED", "RETIRED"] as const)("denies a %s workflow", (status) => {
    const decision = decideWith({ snapshot: givenSnapshot({ status }) });
    expect(decision.outcome).toBe("deny");
    expect(decision.reasons).toEqual([
      { rule: 2, code: "workflow_not_active", message: `Workflow support-refunds is ${status}; only an ACTIVE workflow may call tools` },
    ]);
  });

  it("denies a token issued for another environment", () => {
    const decision = decideWith({ token: { environment: "STAGING" } });
    expect(decision.outcome).toBe("deny");
    expect(decision.reasons).toEqual([
      {
        rule: 2,
        code: "token_environment_mismatch",
        message: "This service token is for STAGING, but workflow support-refunds runs in PROD",
      },
    ]);
  });
});

describe("rule 3: allowlist", () => {
  it("denies a tool the workflow does not allowlist, with a null tier", () => {
    const decision = decideWith({ request: { tool: "jira.issue.create", arguments: { project: "OPS", summary: "x" } } });
    expect(decision).toMatchObject({ outcome: "deny", tier: null });
    expect(decision.reasons).toEqual([
      { rule: 3, code: "tool_not_allowed", message: "Tool jira.issue.create is not on the allowlist of workflow support-refunds" },
    ]);
  });
});

describe("rule 4: arguments", () => {
  it("denies arguments that break the tool's contract, naming each field and why", () => {
    const decision = decideWith({ request: { tool: "stripe.refund", arguments: { chargeId: "ch_1", amount: "12000", refundAll: true } } });
    expect(decision.outcome).toBe("deny");
    expect(decision.reasons.every((r) => r.rule === 4 && r.code === "arguments_violate_contract")).toBe(true);
    const byPath = Object.fromEntries(decision.reasons.map((r) => [r.path, r.message]));
    expect(byPath.currency).toBe("arguments.currency is required by contract of tool stripe.refund");
    expect(byPath.refundAll).toBe("arguments.refundAll is not allowed by contract of tool stripe.refund, which names no such argument");
    expect(byPath.amount).toBe("arguments.amount must be integer (type in contract of tool stripe.refund)");
  });

  it("denies arguments within the contract but over the workflow's constraint, with the value and the limit", () => {
    const decision = decideWith({ request: refund({ amount: 120_000 }) });
    expect(decision.outcome).toBe("deny");
    expect(decision.reasons).toEqual([
      {
        rule: 4,
        code: "arguments_violate_constraints",
        path: "amount",
        message: "arguments.amount = 120000 must be <= 50000 (maximum in constraints of workflow support-refunds on stripe.refund)",
      },
    ]);
  });
});

describe("rule 5: data classes and DLP", () => {
  it("denies a data class the workflow did not declare", () => {
    const decision = decideWith({ request: { dataClasses: ["support-tickets", "health-records"] } });
    expect(decision.reasons).toEqual([
      { rule: 5, code: "data_class_not_declared", message: "Data class health-records is not declared by workflow support-refunds" },
    ]);
  });

  it("denies a card number in the arguments of a workflow that declares no PCI class", () => {
    const snapshot = givenSnapshot({ key: "ticket-triage", dataClasses: [DATA_CLASSES.tickets] });
    const request = { arguments: { ticketId: "ZD-1", note: "Customer read out 4242 4242 4242 4242 on the call" } };
    const decision = decideWith({ snapshot, request });
    expect(decision.outcome).toBe("deny");
    expect(decision.reasons).toEqual([
      {
        rule: 5,
        code: "dlp_undeclared_class",
        path: "note",
        message: "The arguments hold a card number at arguments.note, tagged PCI, but workflow ticket-triage declares no PCI data class",
      },
    ]);
    expect(JSON.stringify(decision)).not.toContain("4242 4242");
    expect(decideWith({ request }).outcome).toBe("allow");
  });

  it("denies arguments too deep for the DLP scan to read", () => {
    let fields: Record<string, unknown> = { secret: "deep" };
    for (let i = 0; i < 40; i++) fields = { nested: fields };
    const decision = decideWith({ request: { tool: "crm.contact.update", arguments: { contactId: "c-1", fields } } });
    expect(codes(decision)).toEqual(["dlp_scan_incomplete"]);
  });
});

describe("rule 6: models", () => {
  it("denies a model the workflow does not list", () => {
    const decision = decideWith({ request: { model: "google/gemini-2.5-pro/001" } });
    expect(decision.reasons).toEqual([
      {
        rule: 6,
        code: "model_not_approved",
        message: `Model google/gemini-2.5-pro/001 is not approved for workflow support-refunds; it lists ${CLAUDE}, ${GPT}, ${MISTRAL}`,
      },
    ]);
  });

  it("denies a suspended model", () => {
    expect(decideWith({ request: { model: MISTRAL, dataClasses: [] } }).reasons).toEqual([
      { rule: 6, code: "model_suspended", message: `Model ${MISTRAL} is suspended from the approved-model catalog` },
    ]);
  });

  it("denies a model approved below the highest sensitivity the call declares", () => {
    const decision = decideWith({ request: { model: GPT, dataClasses: ["support-tickets", "payment-cards"] } });
    expect(decision.reasons).toEqual([
      {
        rule: 6,
        code: "model_not_approved_for_sensitivity",
        message: `Model ${GPT} is approved for data up to CONFIDENTIAL, but this call involves RESTRICTED data (data class payment-cards)`,
      },
    ]);
    expect(decideWith({ request: { model: GPT, dataClasses: ["support-tickets"] } }).outcome).toBe("allow");
  });

  it("counts data DLP finds, weighed as the declared class that carries its tag", () => {
    const decision = decideWith({
      request: { model: GPT, dataClasses: [], arguments: { ticketId: "ZD-1", note: "card 4242424242424242" } },
    });
    expect(codes(decision)).toEqual(["model_not_approved_for_sensitivity"]);
    expect(decision.reasons[0]?.message).toContain(
      "RESTRICTED data (a card number at arguments.note, PCI data the workflow declares as RESTRICTED)",
    );
  });
});

describe("rule 7: rate limits", () => {
  it("denies past the per-minute limit with a retry-after, and allows again once the window moves", () => {
    const snapshot = givenSnapshot({ tools: [{ ...TOOLS.ticketRead, argumentConstraints: null, ratePerMinute: 2, tier: "T0" }] });
    const rateLimiter = createInMemoryRateLimiter();
    const at = (seconds: number) => decideWith({ snapshot, rateLimiter, now: Date.parse("2026-03-15T10:00:00Z") + seconds * 1000 });
    expect(at(0).outcome).toBe("allow");
    expect(at(20).outcome).toBe("allow");
    const limited = at(30);
    expect(limited).toMatchObject({ outcome: "deny", retryAfterSeconds: 30 });
    expect(limited.reasons).toEqual([
      {
        rule: 7,
        code: "rate_limited",
        message: "Workflow support-refunds may call zendesk.ticket.read at most 2 times per minute; retry in 30 s",
      },
    ]);
    expect(at(60).outcome).toBe("allow");
  });
});

describe("rule 8: custom policies", () => {
  it("denies what a custom Cedar policy forbids, naming the policy and its version", () => {
    const snapshot = givenSnapshot({ policies: [NO_RESTRICTED_MONEY_IN_PROD] });
    const decision = decideWith({ snapshot, request: refund({ amount: 12_000 }, ["payment-cards"]) });
    expect(decision.reasons).toEqual([
      { rule: 8, code: "policy_forbids", message: "Policy no-restricted-money-in-prod (v1) forbids this call" },
    ]);
  });
});
