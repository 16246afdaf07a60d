import "server-only";

const THROTTLE_AFTER_FAILURES = 2;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

/**
 * What `failedSignIns` consecutive failures cost: from the 2nd on, a wait that doubles (1 s, 2 s,
 * 4 s… up to a minute); from `maxFailures` on, a lockout. The count is not reset by a lockout, so
 * after it expires each further failure locks again at once; only a success starts over.
 */
export function computeSignInPenalty(options: {
  failedSignIns: number;
  now: Date;
  maxFailures: number;
  lockoutMinutes: number;
}): { nextAttemptAt: Date | null; lockedUntil: Date | null } {
  const { failedSignIns, now } = options;
  if (failedSignIns >= options.maxFailures) {
    return { nextAttemptAt: null, lockedUntil: new Date(now.getTime() + options.lockoutMinutes * 60_000) };
  }
  if (failedSignIns < THROTTLE_AFTER_FAILURES) return { nextAttemptAt: null, lockedUntil: null };
  const delay = Math.min(FIRST_DELAY_MS * 2 ** (failedSignIns - THROTTLE_AFTER_FAILURES), MAX_DELAY_MS);
  return { nextAttemptAt: new Date(now.getTime() + delay), lockedUntil: null };
}
