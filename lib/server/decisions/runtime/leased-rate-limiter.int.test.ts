import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { LeasedRateLimiter } from "./leased-rate-limiter";

// Two app instances are two limiters with their own connections to the one database.
const pools = [new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 }), new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 })];
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
});
