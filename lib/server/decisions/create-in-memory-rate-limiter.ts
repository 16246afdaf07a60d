import "server-only";
import type { TRateLimiter } from "./types";

const WINDOW_MS = 60_000;
const FIRST_CAPACITY = 8;

/** The latest takes of one key, oldest overwritten first; it never shrinks, so a lowered limit loses no history. */
type TRing = { times: Float64Array; next: number; count: number };

function grow(ring: TRing, capacity: number): TRing {
  const grown: TRing = { times: new Float64Array(capacity), next: ring.count, count: ring.count };
  const size = ring.times.length;
  const oldest = ring.count === size ? ring.next : 0;
  for (let i = 0; i < ring.count; i++) grown.times[i] = ring.times[(oldest + i) % size] ?? 0;
  return grown;
}

/**
 * A sliding-window limiter for one process: a key may be taken at most `perMinute` times in any
 * 60 s. A take is refused while the `perMinute`-th latest take is under 60 s old, which makes the
 * answer exact and the retry-after the moment that take leaves the window. Rings grow as takes
 * come, so a key costs memory for the calls it gets, not for the limit it has.
 */
export function createInMemoryRateLimiter(): TRateLimiter {
  const rings = new Map<string, TRing>();
  return {
    tryTake({ key, perMinute, now }) {
      let ring = rings.get(key);
      if (!ring) {
        ring = { times: new Float64Array(Math.min(perMinute, FIRST_CAPACITY)), next: 0, count: 0 };
        rings.set(key, ring);
      }
      if (ring.count >= perMinute) {
        const size = ring.times.length;
        const nth = ring.times[(ring.next - perMinute + size) % size] ?? 0;
        if (now - nth < WINDOW_MS) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((nth + WINDOW_MS - now) / 1000)) };
      } else if (ring.count === ring.times.length) {
        ring = grow(ring, Math.min(perMinute, ring.times.length * 2));
        rings.set(key, ring);
      }
      ring.times[ring.next] = now;
      ring.next = (ring.next + 1) % ring.times.length;
      ring.count = Math.min(ring.times.length, ring.count + 1);
      return { ok: true };
    },
  };
}
