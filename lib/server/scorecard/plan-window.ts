import "server-only";
import type { TScorecardWindow } from "@/lib/contracts/scorecard";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type TPeriod = { from: Date; to: Date };
/** Which roll-up table a window reads: hourly buckets for 24 h, daily ones for 7 d and 30 d. */
export type TGranularity = "hourly" | "daily";

export type TWindowPlan = {
  window: TScorecardWindow;
  granularity: TGranularity;
  bucketMs: number;
  current: TPeriod;
  /** The period just before, of the same length. */
  previous: TPeriod;
  /** The start of each bucket of the current period, oldest first: one trend point each. */
  bucketStarts: Date[];
};

const SHAPES: Record<TScorecardWindow, { granularity: TGranularity; bucketMs: number; buckets: number }> = {
  "24h": { granularity: "hourly", bucketMs: HOUR_MS, buckets: 24 },
  "7d": { granularity: "daily", bucketMs: DAY_MS, buckets: 7 },
  "30d": { granularity: "daily", bucketMs: DAY_MS, buckets: 30 },
};

/**
 * A window as whole roll-up buckets (UTC hours or days) ending with the bucket that holds `now`,
 * so what happened seconds ago counts and the figures add up exactly from the roll-ups.
 */
export function planWindow(window: TScorecardWindow, now: Date): TWindowPlan {
  const { granularity, bucketMs, buckets } = SHAPES[window];
  const to = Math.floor(now.getTime() / bucketMs) * bucketMs + bucketMs;
  const from = to - buckets * bucketMs;
  return {
    window,
    granularity,
    bucketMs,
    current: { from: new Date(from), to: new Date(to) },
    previous: { from: new Date(from - buckets * bucketMs), to: new Date(from) },
    bucketStarts: Array.from({ length: buckets }, (_, i) => new Date(from + i * bucketMs)),
  };
}
