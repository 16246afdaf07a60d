import { describe, expect, it } from "vitest";
import { createInMemoryRateLimiter } from "./create-in-memory-rate-limiter";

describe("createInMemoryRateLimiter", () => {
  it("allows perMinute takes in any 60 s and says when the oldest leaves the window", () => {
    const limiter = createInMemoryRateLimiter();
    const take = (seconds: number) => limiter.tryTake({ key: "wf/tool", perMinute: 3, now: seconds * 1000 });
    expect([take(0), take(10), take(20)]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(take(30)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(take(59.5)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(take(60)).toEqual({ ok: true });
    expect(take(65)).toEqual({ ok: false, retryAfterSeconds: 5 });
    expect(take(70)).toEqual({ ok: true });
  });

  it("does not count refused takes", () => {
    const limiter = createInMemoryRateLimiter();
    const take = (seconds: number) => limiter.tryTake({ key: "k", perMinute: 1, now: seconds * 1000 });
    expect(take(0).ok).toBe(true);
    for (let s = 1; s < 60; s += 5) expect(take(s).ok).toBe(false);
    expect(take(60).ok).toBe(true);
  });

  it("keeps keys apart", () => {
    const limiter = createInMemoryRateLimiter();
    expect(limiter.tryTake({ key: "a", perMinute: 1, now: 0 }).ok).toBe(true);
    expect(limiter.tryTake({ key: "b", perMinute: 1, now: 0 }).ok).toBe(true);
    expect(limiter.tryTake({ key: "a", perMinute: 1, now: 0 }).ok).toBe(false);
  });

  it("keeps the takes in the window when the limit changes", () => {
    const limiter = createInMemoryRateLimiter();
    for (let s = 0; s < 4; s++) expect(limiter.tryTake({ key: "k", perMinute: 4, now: s * 1000 }).ok).toBe(true);
    expect(limiter.tryTake({ key: "k", perMinute: 2, now: 10_000 })).toEqual({ ok: false, retryAfterSeconds: 52 });
    expect(limiter.tryTake({ key: "k", perMinute: 6, now: 10_000 }).ok).toBe(true);
    expect(limiter.tryTake({ key: "k", perMinute: 6, now: 11_000 }).ok).toBe(true);
    expect(limiter.tryTake({ key: "k", perMinute: 6, now: 12_000 })).toEqual({ ok: false, retryAfterSeconds: 48 });
    expect(limiter.tryTake({ key: "k", perMinute: 8, now: 12_000 }).ok).toBe(true);
    expect(limiter.tryTake({ key: "k", perMinute: 8, now: 13_000 }).ok).toBe(true);
    expect(limiter.tryTake({ key: "k", perMinute: 8, now: 14_000 })).toEqual({ ok: false, retryAfterSeconds: 46 });
  });
});

describe("createInMemoryRateLimiter with a high limit", () => {
  it("counts exactly past its first ring size", () => {
    const limiter = createInMemoryRateLimiter();
    for (let i = 0; i < 100; i++) expect(limiter.tryTake({ key: "k", perMinute: 100, now: i * 100 }).ok).toBe(true);
    expect(limiter.tryTake({ key: "k", perMinute: 100, now: 10_000 })).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(limiter.tryTake({ key: "k", perMinute: 100, now: 60_000 }).ok).toBe(true);
    expect(limiter.tryTake({ key: "k", perMinute: 100, now: 60_050 }).ok).toBe(false);
  });
});
