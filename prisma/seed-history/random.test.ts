import { describe, expect, it } from "vitest";
import { createRandom } from "./random";

describe("createRandom", () => {
  it("draws the same sequence from the same seed, and another from another seed", () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return [random.next(), random.int(1, 100), random.uuid(), random.fork("day-3").next()];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("forks sources that do not depend on what the parent drew before", () => {
    const fresh = createRandom(7);
    const used = createRandom(7);
    for (let i = 0; i < 100; i++) used.next();
    expect(used.fork("hour").next()).toBe(fresh.fork("hour").next());
    expect(fresh.fork("a").next()).not.toBe(fresh.fork("b").next());
  });

  it("draws version-4 UUIDs, integers within bounds and Poisson counts around their mean", () => {
    const random = createRandom(1);
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ints = Array.from({ length: 2_000 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    for (const mean of [0.3, 4, 50]) {
      const counts = Array.from({ length: 4_000 }, () => random.poisson(mean));
      const average = counts.reduce((sum, n) => sum + n, 0) / counts.length;
      expect(Math.abs(average - mean)).toBeLessThan(Math.max(0.05, mean * 0.05));
    }
  });

  it("picks by weight", () => {
    const random = createRandom(5);
    const picks = Array.from({ length: 10_000 }, () =>
      random.weighted([
        ["a", 3],
        ["b", 1],
      ] as const),
    );
    const share = picks.filter((p) => p === "a").length / picks.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
  });
});
