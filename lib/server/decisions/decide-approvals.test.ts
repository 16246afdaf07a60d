import { describe, expect, it } from "vitest";
import { decideWith, givenRecord, givenSnapshot, TOOLS } from "@/test/fixtures/decisions";

// Rule 9 and 10: a call that passes every deny rule is allowed, or waits for approvals by tier.
const refund = (args: Record<string, unknown>, dataClasses: string[] = []) => ({
  tool: "stripe.refund",
  arguments: { chargeId: "ch_1", currency: "USD", ...args },
  dataClasses,
});

describe("rule 9: approvals by tier", () => {
  it("requires 1 approval for T2 and 2 distinct approvals for T3", () => {
    const email = decideWith({
      request: {
        tool: "email.send",
        arguments: { to: "ada@example.com", subject: "Refund", body: "Done" },
        dataClasses: ["support-tickets"],
      },
    });
    expect(email).toMatchObject({ outcome: "require_approval", tier: "T2", approvalsRequired: 1 });
    expect(email.reasons[0]).toMatchObject({ rule: 9, code: "approval_required" });
    const money = decideWith({ request: refund({ amount: 12_000 }) });
    expect(money).toMatchObject({ outcome: "require_approval", tier: "T3", approvalsRequired: 2 });
    expect(money.reasons[0]?.message).toBe(
      `stripe.refund is T3 (MONEY_MOVEMENT) for workflow support-refunds: 2 distinct approvers must approve these exact arguments (SHA-256 ${money.argumentsHash.slice(0, 12)}…)`,
    );
  });

  it("follows a raised tier, and never a tier below the consequence default", () => {
    const tools = [
      { ...TOOLS.contactUpdate, argumentConstraints: null, ratePerMinute: null, tier: "T2" as const },
      { ...TOOLS.refund, argumentConstraints: null, ratePerMinute: null, tier: "T1" as const },
    ];
    const snapshot = givenSnapshot({ tools });
    expect(decideWith({ snapshot, request: { tool: "crm.contact.update", arguments: { contactId: "c", fields: {} } } })).toMatchObject({
      outcome: "require_approval",
      approvalsRequired: 1,
    });
    expect(decideWith({ snapshot, request: refund({ amount: 1 }) })).toMatchObject({
      outcome: "require_approval",
      tier: "T3",
      approvalsRequired: 2,
    });
  });

  it("allows T1 without approval", () => {
    const decision = decideWith({ request: { tool: "crm.contact.update", arguments: { contactId: "c", fields: { phone: "x" } } } });
    expect(decision).toMatchObject({ outcome: "allow", tier: "T1" });
    expect(givenRecord().tools.find((t) => t.key === "crm.contact.update")?.tier).toBe("T1");
  });
});
