import "server-only";
import type pg from "pg";
import type { TRateTake } from "../types";

const WINDOW_MS = 60_000;
/** Each instance leases a tenth of a window's quota at a time: few round trips, little stranded quota. */
const LEASE_SHARE = 10;

type TLocal = { windowStart: number; leased: number; taken: number; exhausted: boolean; pending: Promise<void> | null };

/**
 * Where in the minute this key's windows start (FNV-1a of the key). Windows all starting at :00
 * made every instance lease quota for every busy key at once, each lease a commit: with thousands
 * of keys, decisions stalled for seconds at each minute. Staggered, the leases spread evenly.
 */
function phaseOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % WINDOW_MS;
}

/**
 * Per workflow × tool limits that hold across app instances. Postgres keeps, per key and fixed
 * one-minute window (starting at the key's own phase), how much quota has been handed out; an
 * instance leases a slice, answers from it in memory, and asks again when it runs out. The sum of leases never exceeds the limit, so no
 * instance mix can pass more than `perMinute` calls in a window; once Postgres says the window is
 * spent, the instance refuses locally until the window ends.
 */
export class LeasedRateLimiter {
  private readonly local = new Map<string, TLocal>();

  constructor(private readonly pool: pg.Pool) {}

  async take(options: { key: string; perMinute: number; now: number }): Promise<TRateTake> {
    const { key, perMinute, now } = options;
    const phase = phaseOf(key);
    const windowStart = Math.floor((now - phase) / WINDOW_MS) * WINDOW_MS + phase;
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
    let state = this.local.get(key);
    if (!state || state.windowStart !== windowStart) {
      state = { windowStart, leased: 0, taken: 0, exhausted: false, pending: null };
      this.local.set(key, state);
    }
    for (;;) {
      if (state.taken < state.leased) {
        state.taken += 1;
        return { ok: true };
      }
      if (state.exhausted) return { ok: false, retryAfterSeconds };
      // Concurrent callers share one lease request instead of each asking Postgres.
      state.pending ??= this.lease(key, windowStart, perMinute, state).finally(() => (state.pending = null));
      await state.pending;
    }
  }

  private async lease(key: string, windowStart: number, perMinute: number, state: TLocal): Promise<void> {
    const want = Math.max(1, Math.ceil(perMinute / LEASE_SHARE));
    const slot = [key, new Date(windowStart)];
    await this.pool.query("INSERT INTO rate_limit_windows (key, window_start, used) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING", slot);
    // The FOR UPDATE subquery locks the row and reads what is left, so the grant is exact under concurrency.
    const result = await this.pool.query<{ granted: number }>(
      `UPDATE rate_limit_windows w SET used = w.used + LEAST($3::int, $4::int - o.used)
       FROM (SELECT used FROM rate_limit_windows WHERE key = $1 AND window_start = $2 FOR UPDATE) o
       WHERE w.key = $1 AND w.window_start = $2 AND o.used < $4::int
       RETURNING LEAST($3::int, $4::int - o.used) AS granted`,
      [...slot, want, perMinute],
    );
    const granted = Math.max(0, result.rows[0]?.granted ?? 0);
    state.leased += granted;
    if (granted === 0) state.exhausted = true;
  }
}
