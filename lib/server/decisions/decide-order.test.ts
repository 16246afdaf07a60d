import { describe, expect, it, vi } from "vitest";
import { createInMemoryRateLimiter } from "./create-in-memory-rate-limiter";
import { decideWith, givenKillSwitches, givenSnapshot, GPT, MISTRAL, NO_RESTRICTED_MONEY_IN_PROD, TOOLS } from "@/test/fixtures/decisions";
import type { TRateLimiter } from "./types";

const spentLimiter = () => {
  const tryTake = vi.fn<TRateLimiter["tryTake"]>(() => ({ ok: false, retryAfterSeconds: 42 }));
  return { tryTake };
};
const rules = (d: { reasons: { rule: number }[] }) => [...new Set(d.reasons.map((r) => r.rule))];

describe("decide: the first rule that fires names the reason", () => {
  it("reports rule 3 for an unknown tool even when every rate limit is spent, and takes no token", () => {
    const rateLimiter = spentLimiter();
    const decision = decideWith({ rateLimiter, request: { tool: "jira.issue.create", arguments: {} } });
    expect(rules(decision)).toEqual([3]);
    expect(decision).not.toHaveProperty("retryAfterSeconds");
    expect(rateLimiter.tryTake).not.toHaveBeenCalled();
  });

  it("reports rule 1 over rules 2, 4, 6 and 7 when they all would fire", () => {
    const decision = decideWith({
      snapshot: givenSnapshot({ status: "PAUSED" }),
      token: { environment: "DEV" },
      killSwitches: givenKillSwitches([
        ["GLOBAL", "*"],
        ["TOOL", "stripe.refund"],
      ]),
      rateLimiter: spentLimiter(),
      request: { tool: "stripe.refund", arguments: { amount: -1 }, model: MISTRAL },
    });
    expect(decision.reasons.map((r) => r.code)).toEqual(["kill_switch_engaged", "kill_switch_engaged"]);
  });

  it("reports both rule-2 findings together, and nothing after them", () => {
    const decision = decideWith({
      snapshot: givenSnapshot({ status: "RETIRED" }),
      token: { environment: "DEV" },
      request: { model: MISTRAL },
    });
    expect(decision.reasons.map((r) => r.code)).toEqual(["workflow_not_active", "token_environment_mismatch"]);
  });

  it("reports rule 4 before the DLP finding of rule 5 and the model of rule 6", () => {
    const snapshot = givenSnapshot({ dataClasses: [] });
    const decision = decideWith({
      snapshot,
      request: { arguments: { ticketId: "", note: "4242 4242 4242 4242" }, dataClasses: ["payment-cards"], model: MISTRAL },
    });
    expect(rules(decision)).toEqual([4]);
  });

  it("reports rule 7 over a custom policy that would also forbid", () => {
    const snapshot = givenSnapshot({ policies: [NO_RESTRICTED_MONEY_IN_PROD] });
    const decision = decideWith({
      snapshot,
      rateLimiter: spentLimiter(),
      request: { tool: "stripe.refund", arguments: { chargeId: "c", amount: 1, currency: "USD" }, dataClasses: ["payment-cards"] },
    });
    expect(decision).toMatchObject({ outcome: "deny", retryAfterSeconds: 42 });
    expect(rules(decision)).toEqual([7]);
  });

  it("reports a custom policy (8) over the approval its tier would need (9)", () => {
    const snapshot = givenSnapshot({ policies: [NO_RESTRICTED_MONEY_IN_PROD] });
    const decision = decideWith({
      snapshot,
      request: { tool: "stripe.refund", arguments: { chargeId: "c", amount: 1, currency: "USD" }, dataClasses: ["payment-cards"] },
    });
    expect(decision.outcome).toBe("deny");
    expect(rules(decision)).toEqual([8]);
  });
});

describe("decide: a rate-limit token is taken only once rules 1–6 pass", () => {
  const snapshot = givenSnapshot({ tools: [{ ...TOOLS.ticketRead, argumentConstraints: null, ratePerMinute: 1, tier: "T0" }] });

  it.each([
    ["rule 1", { killSwitches: givenKillSwitches([["TOOL", "zendesk.ticket.read"]]) }],
    ["rule 2", { token: { environment: "STAGING" as const } }],
    ["rule 4", { request: { arguments: { ticketId: 7 } } }],
    ["rule 5", { request: { dataClasses: ["health-records"] } }],
    ["rule 6", { request: { model: GPT, dataClasses: ["payment-cards"] } }],
  ])("a call denied by %s leaves the only token of the minute for the next call", (_rule, denied) => {
    const rateLimiter = createInMemoryRateLimiter();
    expect(decideWith({ snapshot, rateLimiter, ...denied }).outcome).toBe("deny");
    expect(decideWith({ snapshot, rateLimiter }).outcome).toBe("allow");
    expect(decideWith({ snapshot, rateLimiter }).reasons[0]?.code).toBe("rate_limited");
  });

  it("is not consulted at all for a tool without a limit", () => {
    const rateLimiter = spentLimiter();
    expect(decideWith({ rateLimiter }).outcome).toBe("allow");
    expect(rateLimiter.tryTake).not.toHaveBeenCalled();
  });

  it("is keyed by workflow and tool", () => {
    const rateLimiter = { tryTake: vi.fn<TRateLimiter["tryTake"]>(() => ({ ok: true })) };
    decideWith({ snapshot, rateLimiter, now: 1_000 });
    expect(rateLimiter.tryTake).toHaveBeenCalledWith({
      key: "7f7c1b1e-0000-4000-8000-000000000001/zendesk.ticket.read",
      perMinute: 1,
      now: 1_000,
    });
  });
});
