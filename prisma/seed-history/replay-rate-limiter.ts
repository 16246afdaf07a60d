import type { TGateRateLimiter } from "@/lib/server/decisions/runtime/runtime-gate";

const WINDOW_MS = 60_000;

/**
 * The history's rate limits: the leased limiter's rule (at most `perMinute` calls per key in each
 * one-minute window) kept in memory per window, so calls replayed out of time order (runs of a
 * month played side by side) are counted in their own minute. Leasing from Postgres assumes time
 * only moves forward: a window gone back to would lease a fresh slice of its quota.
 */
export function createReplayRateLimiter(): TGateRateLimiter {
  const used = new Map<string, number>();
  return {
    take: async ({ key, perMinute, now }) => {
      const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
      const id = `${key}@${windowStart}`;
      const count = used.get(id) ?? 0;
      if (count >= perMinute) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)) };
      used.set(id, count + 1);
      return { ok: true };
    },
    close: () => used.clear(),
  };
}
