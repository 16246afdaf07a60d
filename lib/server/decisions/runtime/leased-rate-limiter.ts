import "server-only";
import type pg from "pg";
import type { TRateTake } from "../types";

const WINDOW_MS = 60_000;
/** Each instance leases a tenth of a window's quota at a time: few round trips, little stranded quota. */
const LEASE_SHARE = 10;
/** How often keys used in their current window get the next window's first slice leased. */
const SWEEP_MS = 1_000;
const MAX_LEASES_PER_STATEMENT = 1_000;

type TSlot = {
  key: string;
  windowStart: number;
  perMinute: number;
  leased: number;
  taken: number;
  exhausted: boolean;
  pending: Promise<void> | null;
};
type TWaiting = { slot: TSlot; resolve: () => void; reject: (error: unknown) => void };

// One upsert leases for every key in the batch. On conflict the row is locked and re-read, so
// concurrent instances never hand out more than the quota; a spent window returns no row. Rows
// are written in key order: two instances locking the same rows in their own orders deadlocked
// (and the decisions waiting on those leases failed).
const LEASE = `INSERT INTO rate_limit_windows AS w (key, window_start, used, quota, last_grant)
  SELECT key, window_start, LEAST(want, quota), quota, LEAST(want, quota)
  FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::int[]) AS t(key, window_start, want, quota)
  ORDER BY key, window_start
  ON CONFLICT (key, window_start) DO UPDATE
    SET used = LEAST(w.used + EXCLUDED.last_grant, EXCLUDED.quota), last_grant = LEAST(EXCLUDED.last_grant, EXCLUDED.quota - w.used), quota = EXCLUDED.quota
    WHERE w.used < EXCLUDED.quota
  RETURNING key, window_start, last_grant`;

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
 * instance leases a slice, answers from it in memory, and leases the next slice before this one
 * runs out — and, within a second of a key's first use in a window, the next window's first slice —
 * so a decision waits on a commit only for a key idle for a whole window. Leases wanted at the
 * same time go to Postgres as one statement. The sum of leases never exceeds the limit, so no
 * instance mix passes more than `perMinute` calls in a window; once Postgres says the window is
 * spent, the instance refuses locally until the window ends.
 */
export class LeasedRateLimiter {
  private readonly current = new Map<string, TSlot>();
  private readonly upcoming = new Map<string, TSlot>();
  // Slots first used since the last sweep: the sweep visits only these, not every key in memory
  // (walking ~10,000 slots each second held the gate's thread for 2–3 ms).
  private firstUsed: TSlot[] = [];
  private waiting: TWaiting[] = [];
  private writing = false;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly pool: pg.Pool) {}

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  async take(options: { key: string; perMinute: number; now: number }): Promise<TRateTake> {
    const { key, perMinute, now } = options;
    const phase = phaseOf(key);
    const windowStart = Math.floor((now - phase) / WINDOW_MS) * WINDOW_MS + phase;
    const slot = this.slotFor(key, windowStart, perMinute);
    this.sweeper ??= setInterval(() => this.leaseNextWindows(Date.now()), SWEEP_MS).unref();
    for (;;) {
      if (slot.taken < slot.leased) {
        slot.taken += 1;
        if (slot.taken === 1) this.firstUsed.push(slot);
        if (!slot.exhausted && slot.leased - slot.taken <= leaseSize(slot.perMinute) / 2) void this.lease(slot).catch(() => {});
        return { ok: true };
      }
      if (slot.exhausted) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)) };
      // Concurrent callers share one lease request instead of each asking Postgres.
      await this.lease(slot);
    }
  }

  private slotFor(key: string, windowStart: number, perMinute: number): TSlot {
    const slot = this.current.get(key);
    if (slot?.windowStart === windowStart) {
      // A limit edited mid-window applies to the next lease.
      slot.perMinute = perMinute;
      return slot;
    }
    const next = this.upcoming.get(key);
    this.upcoming.delete(key);
    const fresh =
      next?.windowStart === windowStart ? next : { key, windowStart, perMinute, leased: 0, taken: 0, exhausted: false, pending: null };
    this.current.set(key, fresh);
    return fresh;
  }

  /** Leases the next window's first slice for each key first used in its window since the last call; one statement for all. */
  leaseNextWindows(now: number): void {
    const slots = this.firstUsed;
    this.firstUsed = [];
    for (const slot of slots) {
      const nextStart = slot.windowStart + WINDOW_MS;
      if (nextStart <= now || this.upcoming.get(slot.key)?.windowStart === nextStart) continue;
      const next: TSlot = {
        key: slot.key,
        windowStart: nextStart,
        perMinute: slot.perMinute,
        leased: 0,
        taken: 0,
        exhausted: false,
        pending: null,
      };
      this.upcoming.set(slot.key, next);
      void this.lease(next).catch(() => {});
    }
  }

  private lease(slot: TSlot): Promise<void> {
    slot.pending ??= new Promise<void>((resolve, reject) => {
      this.waiting.push({ slot, resolve, reject });
      this.writeLeases();
    }).finally(() => (slot.pending = null));
    return slot.pending;
  }

  // One statement in flight; leases wanted meanwhile go together in the next.
  private writeLeases(): void {
    if (this.writing || this.waiting.length === 0) return;
    this.writing = true;
    const batch = this.waiting.splice(0, MAX_LEASES_PER_STATEMENT);
    const slots = batch.map((w) => w.slot);
    const values = [
      slots.map((s) => s.key),
      slots.map((s) => new Date(s.windowStart)),
      slots.map((s) => leaseSize(s.perMinute)),
      slots.map((s) => s.perMinute),
    ];
    this.pool
      .query<{ key: string; window_start: Date; last_grant: number }>(LEASE, values)
      .then(({ rows }) => {
        const granted = new Map(rows.map((r) => [`${r.key}@${r.window_start.getTime()}`, r.last_grant]));
        for (const { slot, resolve } of batch) {
          const amount = Math.max(0, granted.get(`${slot.key}@${slot.windowStart}`) ?? 0);
          slot.leased += amount;
          if (amount === 0) slot.exhausted = true;
          resolve();
        }
      })
      .catch((error: unknown) => {
        for (const { reject } of batch) reject(error);
      })
      .finally(() => {
        this.writing = false;
        this.writeLeases();
      });
  }
}

const leaseSize = (perMinute: number) => Math.max(1, Math.ceil(perMinute / LEASE_SHARE));
