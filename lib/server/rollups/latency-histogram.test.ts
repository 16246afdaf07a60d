import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  histogramOf,
  LATENCY_BUCKET_COUNT,
  LATENCY_BUCKETS,
  latencyBucketOf,
  mergeHistograms,
  percentileFromHistogram,
} from "./latency-histogram";

describe("LATENCY_BUCKETS", () => {
  it("runs from 0 ms through √2 steps to 24 h", () => {
    expect(LATENCY_BUCKETS.slice(0, 12)).toEqual([0, 1, 2, 3, 4, 6, 8, 11, 16, 23, 32, 45]);
    expect(LATENCY_BUCKETS.at(-1)).toBe(86_400_000);
    expect(LATENCY_BUCKET_COUNT).toBe(55);
    for (let i = 4; i < LATENCY_BUCKETS.length - 1; i++) {
      const step = (LATENCY_BUCKETS[i + 1] ?? 0) / (LATENCY_BUCKETS[i] ?? 1);
      expect(step).toBeGreaterThan(1.25);
      expect(step).toBeLessThan(1.6);
    }
  });

  it("puts each latency in the first bucket whose edge holds it", () => {
    expect([0, -3, 1, 2, 3, 5, 6, 7, 86_400_000, 86_400_001].map(latencyBucketOf)).toEqual([0, 0, 1, 2, 3, 5, 5, 6, 53, 54]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 * 86_400_000 }), (ms) => {
        const bucket = latencyBucketOf(ms);
        expect(ms).toBeGreaterThan(LATENCY_BUCKETS[bucket - 1] ?? -1);
        if (bucket < LATENCY_BUCKETS.length) expect(ms).toBeLessThanOrEqual(LATENCY_BUCKETS[bucket] ?? 0);
      }),
    );
  });
});

describe("percentileFromHistogram", () => {
  it("answers the upper edge of the bucket holding the nearest-rank percentile: within one bucket of the truth", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3_600_000 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (values, q) => {
          const sorted = [...values].sort((a, b) => a - b);
          const exact = sorted[Math.ceil(q * sorted.length) - 1] ?? NaN;
          const estimate = percentileFromHistogram(histogramOf(values), q) ?? NaN;
          expect(estimate).toBe(LATENCY_BUCKETS[latencyBucketOf(exact)]);
          expect(estimate).toBeGreaterThanOrEqual(exact);
        },
      ),
    );
  });

  it("says nothing for an empty histogram, 24 h for the overflow bucket, and refuses a quantile out of range", () => {
    expect(percentileFromHistogram([], 0.5)).toBeNull();
    expect(percentileFromHistogram([0, 0, 0], 0.99)).toBeNull();
    expect(percentileFromHistogram(histogramOf([90_000_000]), 0.5)).toBe(86_400_000);
    expect(() => percentileFromHistogram([1], 0)).toThrow(RangeError);
    expect(() => percentileFromHistogram([1], 1.5)).toThrow(RangeError);
  });
});

describe("mergeHistograms and histogramOf", () => {
  it("adds element-wise across lengths, and merging histograms equals the histogram of all values", () => {
    expect(mergeHistograms([1, 2], [0, 0, 3], [])).toEqual([1, 2, 3]);
    expect(mergeHistograms()).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 })), fc.array(fc.integer({ min: 0, max: 100_000 })), (a, b) => {
        expect(mergeHistograms(histogramOf(a), histogramOf(b))).toEqual(histogramOf([...a, ...b]));
      }),
    );
  });

  it("leaves trailing empty buckets off", () => {
    expect(histogramOf([])).toEqual([]);
    expect(histogramOf([0, 3, 3])).toEqual([1, 0, 0, 2]);
  });
});
