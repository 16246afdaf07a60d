"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { TScorecardWindow } from "@/lib/contracts/scorecard";
import { AXIS_TEXT, GRID, seriesStyle } from "./chart-palette";
import type { TChartA11y } from "./chart-figure";
import { patternFill, SeriesPatternDefs } from "./series-patterns";
import { bucketLabel, bucketLongLabel } from "./time-buckets";

export type TTimeSeries = { key: string; label: string; index: number };
export type TTimeBarChartProps = TChartA11y & {
  /** One row per bucket, a numeric column per series key. */
  rows: readonly { bucketStart: string }[];
  series: readonly TTimeSeries[];
  window: TScorecardWindow;
  /** Stacked: parts of one total (denials by reason); side by side: different counts (redactions and denials). */
  stacked: boolean;
};

const TICK = { fill: AXIS_TEXT, fontSize: 12 };

/** Counts per hour or day, one patterned colour per series. */
export default function TimeBarChart({ label, describedBy, idPrefix, rows, series, window, stacked }: TTimeBarChartProps) {
  return (
    <BarChart
      data={[...rows]}
      responsive
      style={{ width: "100%", height: 240 }}
      margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
    >
      <SeriesPatternDefs prefix={idPrefix} />
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="bucketStart" tickFormatter={(value: string) => bucketLabel(value, window)} tick={TICK} minTickGap={12} />
      <YAxis allowDecimals={false} tick={TICK} width={44} />
      <Tooltip labelFormatter={(value) => bucketLongLabel(String(value), window)} />
      {series.map(({ key, label: name, index }) => (
        <Bar
          key={key}
          dataKey={key}
          name={name}
          stackId={stacked ? "total" : undefined}
          fill={patternFill(idPrefix, index)}
          stroke={seriesStyle(index).color}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
