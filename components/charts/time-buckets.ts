import type { TScorecardWindow } from "@/lib/contracts/scorecard";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A bucket's axis label, in UTC like every timestamp in the console: "14:00" for hours, "3 Mar" for days. */
export function bucketLabel(iso: string, window: TScorecardWindow): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (window === "24h") return `${String(date.getUTCHours()).padStart(2, "0")}:00`;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** The same bucket for a sentence or a table row, where the date must be unambiguous. */
export function bucketLongLabel(iso: string, window: TScorecardWindow): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return window === "24h" ? `${day}, ${bucketLabel(iso, window)} UTC` : day;
}

export type TPivotRow<K extends string> = { bucketStart: string } & Record<K, number>;

/**
 * Long rows (bucket, series, count) into one row per bucket with a column per series, buckets in
 * time order and every series present (0 where the server sent no point), which stacked charts need.
 */
export function pivotByBucket<K extends string>(
  points: readonly { bucketStart: string; series: K; count: number }[],
  series: readonly K[],
): TPivotRow<K>[] {
  const rows = new Map<string, TPivotRow<K>>();
  for (const point of points) {
    let row = rows.get(point.bucketStart);
    if (!row) {
      row = { bucketStart: point.bucketStart, ...Object.fromEntries(series.map((name) => [name, 0])) } as TPivotRow<K>;
      rows.set(point.bucketStart, row);
    }
    (row as Record<string, number | string>)[point.series] = (row[point.series] ?? 0) + point.count;
  }
  return [...rows.values()].sort((a, b) => Date.parse(a.bucketStart) - Date.parse(b.bucketStart));
}
