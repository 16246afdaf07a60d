import { describe, expect, it } from "vitest";
import { computeSignInPenalty } from "./compute-sign-in-penalty";

const now = new Date("2026-01-01T00:00:00.000Z");
const penalty = (failedSignIns: number, maxFailures = 5) => computeSignInPenalty({ failedSignIns, now, maxFailures, lockoutMinutes: 15 });
const waitSeconds = (failedSignIns: number, maxFailures?: number) => {
  const at = penalty(failedSignIns, maxFailures).nextAttemptAt;
  return at ? (at.getTime() - now.getTime()) / 1000 : 0;
};

describe("computeSignInPenalty", () => {
  it("lets the first failure go without a wait", () => {
    expect(penalty(1)).toEqual({ nextAttemptAt: null, lockedUntil: null });
  });

  it("doubles the wait from the second failure on, capped at a minute", () => {
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => waitSeconds(n, 100))).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("locks for the lockout period at the limit and beyond", () => {
    expect(penalty(5)).toEqual({ nextAttemptAt: null, lockedUntil: new Date("2026-01-01T00:15:00.000Z") });
    expect(penalty(9).lockedUntil).toEqual(new Date("2026-01-01T00:15:00.000Z"));
  });
});
