import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { until } from "@/test/support/until";
import { LeasedRateLimiter } from "./leased-rate-limiter";

// Two app instances are two limiters with their own connections to the one database.
const pools = [
  new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 }),
  new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 }),
];
afterAll(() => Promise.all(pools.map((pool) => pool.end())));

describe("the leased rate limiter", () => {
  it("never passes more than the limit in a window across instances, and gives a fresh window its full quota", async () => {
    const [a, b] = pools.map((pool) => new LeasedRateLimiter(pool)) as [LeasedRateLimiter, LeasedRateLimiter];
    const now = Date.now();
    const take = (limiter: LeasedRateLimiter, at: number) => limiter.take({ key: "wf-limits:tool.write", perMinute: 25, now: at });
    // An instance may strand part of its last lease (a tenth of the limit), never exceed the limit.
    const passed = (takes: { ok: boolean }[]) => takes.filter((t) => t.ok).length;
    const first = await Promise.all(Array.from({ length: 40 }, (_, i) => take(i % 2 ? a : b, now)));
    expect(passed(first)).toBeLessThanOrEqual(25);
    expect(passed(first)).toBeGreaterThanOrEqual(25 - 2 * 3);
    for (const refused of first.filter((t) => !t.ok)) expect(refused).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(Math.max(...first.map((t) => (t.ok ? 0 : t.retryAfterSeconds)))).toBeLessThanOrEqual(60);

    const minuteLater = await Promise.all(Array.from({ length: 40 }, (_, i) => take(i % 2 ? a : b, now + 60_000)));
    expect(passed(minuteLater)).toBeLessThanOrEqual(25);
    expect(passed(minuteLater)).toBeGreaterThanOrEqual(25 - 2 * 3);
  });

  const windowsOf = async (key: string) =>
    (
      await pools[0]!.query<{ start: Date; used: number }>(
        "SELECT window_start AS start, used FROM rate_limit_windows WHERE key = $1 ORDER BY window_start",
        [key],
      )
    ).rows;

  it("leases the next slice before the current one runs out, so takes do not wait on a commit", async () => {
    const limiter = new LeasedRateLimiter(pools[0]!);
    const key = "wf-ahead:tool.write";
    const now = Date.now();
    // 100 a minute: slices of 10. Taking 6 leaves 4, under half a slice: the next is leased in the background.
    for (let i = 0; i < 6; i++) expect(await limiter.take({ key, perMinute: 100, now })).toEqual({ ok: true });
    await until(async () => (await windowsOf(key))[0]?.used === 20, { what: "the second slice leased ahead" });
  });

  it("leases the next window for a key used in this one, and not for a key left idle", async () => {
    const limiter = new LeasedRateLimiter(pools[0]!);
    const used = "wf-next-window:tool.write";
    const now = Date.now();
    // Nothing taken yet: the sweep leases nothing.
    limiter.leaseNextWindows(now);
    expect(await windowsOf(used)).toEqual([]);
    await limiter.take({ key: used, perMinute: 100, now });
    const [first] = await windowsOf(used);
    const windowEnd = (first?.start.getTime() ?? 0) + 60_000;
    limiter.leaseNextWindows(now);
    const windows = await until(async () => ((await windowsOf(used)).length === 2 ? windowsOf(used) : null), {
      what: "the next window's lease",
    });
    expect(windows[1]).toEqual({ start: new Date(windowEnd), used: 10 });
    // Not called during that next window: nothing is leased for the one after it.
    limiter.leaseNextWindows(windowEnd + 30_000);
    expect(await windowsOf(used)).toHaveLength(2);
    // The call at the start of the next window is answered from that lease: no second slice taken.
    expect(await limiter.take({ key: used, perMinute: 100, now: windowEnd + 1 })).toEqual({ ok: true });
    expect((await windowsOf(used))[1]?.used).toBe(10);
    limiter.close();
  });

  it("sends the leases wanted at the same moment to Postgres together", async () => {
    const [pool] = pools as [pg.Pool, pg.Pool];
    let statements = 0;
    // The real pool, counted: every statement still runs against Postgres.
    const counted = { query: (...args: Parameters<pg.Pool["query"]>) => ((statements += 1), pool.query(...args)) } as unknown as pg.Pool;
    const limiter = new LeasedRateLimiter(counted);
    const now = Date.now();
    const takes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => limiter.take({ key: `wf-batch-${i}:tool.write`, perMinute: 50, now })),
    );
    expect(takes.every((t) => t.ok)).toBe(true);
    // The first statement leases for one key; the other 199 wait for it and then go as one (or a few).
    expect(statements).toBeLessThanOrEqual(5);
  });
});

describe("leases from several instances at once", () => {
  it("never deadlock, whatever order each instance wants its keys in", async () => {
    const [a, b] = pools.map((pool) => new LeasedRateLimiter(pool)) as [LeasedRateLimiter, LeasedRateLimiter];
    const keys = Array.from({ length: 300 }, (_, i) => `wf-order-${String(i).padStart(3, "0")}:tool.write`);
    const now = Date.now();
    // Each round a fresh window: one instance inserts the keys' rows in one order while the other
    // inserts or updates the same rows in the reverse order, both batched into one statement.
    for (let round = 0; round < 5; round++) {
      const at = now + round * 60_000;
      const takes = await Promise.allSettled([
        ...keys.map((key) => a.take({ key, perMinute: 1_000, now: at })),
        ...keys.toReversed().map((key) => b.take({ key, perMinute: 1_000, now: at })),
      ]);
      const failures = takes.flatMap((t) => (t.status === "rejected" ? [String(t.reason)] : []));
      expect(failures).toEqual([]);
      expect(takes.every((t) => t.status === "fulfilled" && t.value.ok)).toBe(true);
    }
  });
});
