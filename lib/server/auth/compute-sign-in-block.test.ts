import { describe, expect, it } from "vitest";
import { computeSignInBlock, type TThrottleLimits } from "./compute-sign-in-block";
import type { TThrottleScope } from "./sign-in-throttle-keys";

const now = new Date("2026-01-01T00:10:00.000Z");
const windowStartedAt = new Date("2026-01-01T00:00:00.000Z");
const limits: TThrottleLimits = { windowMinutes: 15, addressMaxFailures: 20, accountMaxFailures: 100 };
const block = (scope: TThrottleScope, failures: number) => computeSignInBlock({ scope, failures, windowStartedAt, now, limits });
const waitSeconds = (failures: number) => ((block("account_address", failures)?.getTime() ?? now.getTime()) - now.getTime()) / 1000;

describe("computeSignInBlock", () => {
  it("lets one email from one address fail once freely, then doubles the wait up to a minute", () => {
    expect(block("account_address", 1)).toBeNull();
    expect([2, 3, 4, 5, 6, 7, 8, 9, 20].map(waitSeconds)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("refuses an address until its window ends once it reaches the address ceiling", () => {
    expect(block("address", 19)).toBeNull();
    expect(block("address", 20)).toEqual(new Date("2026-01-01T00:15:00.000Z"));
  });

  it("refuses an account from everywhere only at the much higher account ceiling", () => {
    expect(block("account", 99)).toBeNull();
    expect(block("account", 100)).toEqual(new Date("2026-01-01T00:15:00.000Z"));
  });
});
