import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashArguments } from "./hash-arguments";

describe("hashArguments", () => {
  it("is the SHA-256 of the canonical JSON, keys sorted at every depth", () => {
    const canonical = '{"amount":12000,"chargeId":"ch_1","meta":{"a":[2,1],"z":null}}';
    expect(hashArguments({ args: { meta: { z: null, a: [2, 1] }, chargeId: "ch_1", amount: 12000 } })).toBe(
      createHash("sha256").update(canonical).digest("hex"),
    );
  });

  it("does not depend on key order", () => {
    const a = { chargeId: "ch_1", amount: 12000, metadata: { order: "A-1", ticket: "ZD-1" } };
    const b = { metadata: { ticket: "ZD-1", order: "A-1" }, amount: 12000, chargeId: "ch_1" };
    expect(hashArguments({ args: a })).toBe(hashArguments({ args: b }));
  });

  it("changes with any value and with array order", () => {
    expect(hashArguments({ args: { items: [1, 2] } })).not.toBe(hashArguments({ args: { items: [2, 1] } }));
    expect(hashArguments({ args: { amount: "12000" } })).not.toBe(hashArguments({ args: { amount: 12000 } }));
  });
});
