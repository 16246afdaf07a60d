import "server-only";

/** After this many failed attempts (about ten hours of trying) a delivery is failed for good. */
export const MAX_DELIVERY_ATTEMPTS = 8;

// The wait after the 1st, 2nd, … failed attempt; the last value repeats.
const DELAYS_SECONDS = [10, 30, 120, 600, 3_600, 3 * 3_600, 6 * 3_600];

/** Exponential-ish backoff with ±20 % jitter, so deliveries that failed together do not retry together. */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const index = Math.min(Math.max(failedAttempts, 1), DELAYS_SECONDS.length) - 1;
  const base = (DELAYS_SECONDS[index] ?? 10) * 1000;
  return Math.round(base * (0.8 + 0.4 * random()));
}
