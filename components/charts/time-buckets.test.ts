import { describe, expect, it } from "vitest";
import { bucketLabel, bucketLongLabel, pivotByBucket } from "./time-buckets";

describe("bucket labels", () => {
  it("names hours for 24 h and days otherwise, in UTC", () => {
    expect(bucketLabel("2026-03-03T07:00:00.000Z", "24h")).toBe("07:00");
    expect(bucketLabel("2026-03-03T00:00:00.000Z", "7d")).toBe("3 Mar");
    expect(bucketLongLabel("2026-03-03T07:00:00.000Z", "24h")).toBe("3 Mar 2026, 07:00 UTC");
    expect(bucketLongLabel("2026-12-31T00:00:00.000Z", "30d")).toBe("31 Dec 2026");
  });

  it("leaves text it cannot read as it is", () => {
    expect(bucketLabel("not a date", "24h")).toBe("not a date");
  });
});

describe("pivotByBucket", () => {
  it("makes one row per bucket in time order, a column per series, zeros where nothing was sent, summing repeats", () => {
    const rows = pivotByBucket(
      [
        { bucketStart: "2026-03-02T00:00:00.000Z", series: "dlp", count: 2 },
        { bucketStart: "2026-03-01T00:00:00.000Z", series: "policy", count: 5 },
        { bucketStart: "2026-03-02T00:00:00.000Z", series: "dlp", count: 1 },
      ],
      ["policy", "dlp", "model"] as const,
    );
    expect(rows).toEqual([
      { bucketStart: "2026-03-01T00:00:00.000Z", policy: 5, dlp: 0, model: 0 },
      { bucketStart: "2026-03-02T00:00:00.000Z", policy: 0, dlp: 3, model: 0 },
    ]);
  });
});
