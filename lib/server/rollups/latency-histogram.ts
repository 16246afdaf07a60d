import "server-only";

const DAY_MS = 86_400_000;

function logScaleEdges(): readonly number[] {
  // 0 ms alone, then powers of √2 from 1 ms, rounded to whole milliseconds (latencies are
  // integers), the last one cut to 24 h; anything slower falls in one overflow bucket.
  const edges = [0];
  for (let k = 0; ; k++) {
    const edge = Math.min(Math.round(2 ** (k / 2)), DAY_MS);
    if (edge !== edges.at(-1)) edges.push(edge);
    if (edge === DAY_MS) return edges;
  }
}

/**
 * Inclusive upper edges (ms) of the fixed log-scale latency buckets: bucket i holds latencies in
 * (LATENCY_BUCKETS[i-1], LATENCY_BUCKETS[i]]; one more bucket, at index LATENCY_BUCKETS.length,
 * holds everything over 24 h. The migration's `tollgate_latency_bucket` uses the same edges (a
 * test holds them together): change both or neither, or stored histograms mean something else.
 */
export const LATENCY_BUCKETS: readonly number[] = logScaleEdges();

/** How many buckets a histogram can have: the edges plus the overflow bucket. */
export const LATENCY_BUCKET_COUNT = LATENCY_BUCKETS.length + 1;

/** The bucket a latency falls in (0 for 0 ms or less). */
export function latencyBucketOf(ms: number): number {
  let low = 0;
  let high = LATENCY_BUCKETS.length;
  // Smallest i with ms <= LATENCY_BUCKETS[i]; LATENCY_BUCKETS.length when over every edge.
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ms <= (LATENCY_BUCKETS[mid] ?? Infinity)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The q-quantile (0 < q ≤ 1, nearest rank) of a histogram, as the upper edge of the bucket that
 * holds it: never below the true value and at most one bucket above it. The overflow bucket
 * answers 24 h. Null for an empty histogram. Histograms may be shorter than LATENCY_BUCKET_COUNT
 * (trailing empty buckets are not stored).
 */
export function percentileFromHistogram(hist: readonly number[], q: number): number | null {
  if (!(q > 0 && q <= 1)) throw new RangeError(`A quantile is in (0, 1], not ${q}`);
  const total = hist.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i] ?? 0;
    if (seen >= rank) return LATENCY_BUCKETS[i] ?? DAY_MS;
  }
  return DAY_MS;
}

/** Element-wise sum of histograms of any lengths (as the SQL aggregate `tollgate_hist_sum` does). */
export function mergeHistograms(...hists: readonly (readonly number[])[]): number[] {
  const merged = new Array<number>(Math.max(0, ...hists.map((h) => h.length))).fill(0);
  for (const hist of hists) hist.forEach((n, i) => (merged[i] = (merged[i] ?? 0) + n));
  return merged;
}

/** A histogram of raw latencies, trailing empty buckets left off (as the roll-up job stores them). */
export function histogramOf(latencies: Iterable<number>): number[] {
  const hist: number[] = [];
  for (const ms of latencies) {
    const bucket = latencyBucketOf(ms);
    while (hist.length <= bucket) hist.push(0);
    hist[bucket] = (hist[bucket] ?? 0) + 1;
  }
  return hist;
}
