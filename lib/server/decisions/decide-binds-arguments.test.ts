import { describe, expect, it } from "vitest";
import { hashArguments } from "../shared/hash-arguments";
import { decideWith } from "@/test/fixtures/decisions";

const refund = (amount: number) => ({ tool: "stripe.refund", dataClasses: [], arguments: { chargeId: "ch_1", amount, currency: "USD" } });

describe("decide binds an approval to the exact arguments", () => {
  it("hashes a $120 refund and a $1,200 refund differently", () => {
    const small = decideWith({ request: refund(120) });
    const large = decideWith({ request: refund(1_200) });
    expect([small.outcome, large.outcome]).toEqual(["require_approval", "require_approval"]);
    expect(small.argumentsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(large.argumentsHash).not.toBe(small.argumentsHash);
  });

  it("hashes the same refund sent with its keys in another order the same", () => {
    const reordered = { ...refund(12_000), arguments: { currency: "USD", amount: 12_000, chargeId: "ch_1" } };
    expect(decideWith({ request: reordered }).argumentsHash).toBe(decideWith({ request: refund(12_000) }).argumentsHash);
  });

  it("hashes denied calls too, so every recorded decision names its arguments", () => {
    const denied = decideWith({ request: { ...refund(12_000), tool: "stripe.payout" } });
    expect(denied.outcome).toBe("deny");
    expect(denied.argumentsHash).toBe(hashArguments({ args: refund(12_000).arguments }));
  });
});
