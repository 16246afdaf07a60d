import "server-only";
import type { TThrottleScope } from "./sign-in-throttle-keys";

const PAIR_DELAY_AFTER = 2;
const PAIR_FIRST_DELAY_MS = 1_000;
const PAIR_MAX_DELAY_MS = 60_000;

export type TThrottleLimits = { windowMinutes: number; addressMaxFailures: number; accountMaxFailures: number };

/**
 * Until when a counter refuses attempts after `failures` failures in the window that began at
 * `windowStartedAt`, or null. One email from one address waits 1 s after its 2nd failure, doubling
 * to a minute; an address or an account that reaches its ceiling waits out the window. Nothing
 * locks an account for its owner elsewhere until the (high) account ceiling.
 */
export function computeSignInBlock(options: {
  scope: TThrottleScope;
  failures: number;
  windowStartedAt: Date;
  now: Date;
  limits: TThrottleLimits;
}): Date | null {
  const { scope, failures, windowStartedAt, now, limits } = options;
  const windowEnd = new Date(windowStartedAt.getTime() + limits.windowMinutes * 60_000);
  if (scope === "address") return failures >= limits.addressMaxFailures ? windowEnd : null;
  if (scope === "account") return failures >= limits.accountMaxFailures ? windowEnd : null;
  if (failures < PAIR_DELAY_AFTER) return null;
  const delay = Math.min(PAIR_FIRST_DELAY_MS * 2 ** (failures - PAIR_DELAY_AFTER), PAIR_MAX_DELAY_MS);
  return new Date(now.getTime() + delay);
}
