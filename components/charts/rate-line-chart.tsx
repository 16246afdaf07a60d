"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { TScorecardWindow } from "@/lib/contracts/scorecard";
import { AXIS_TEXT, GRID, PRIMARY, TARGET } from "./chart-palette";
import type { TChartA11y } from "./chart-figure";
import { bucketLabel, bucketLongLabel } from "./time-buckets";

export type TRateLineChartProps = TChartA11y & {
  points: readonly { bucketStart: string; value: number | null }[];
  window: TScorecardWindow;
  seriesName: string;
  format: (value: number) => string;
  /** The SLO, drawn dashed and labelled in words, so it is not told apart by colour alone. */
  target?: { value: number; label: string };
};

const TICK = { fill: AXIS_TEXT, fontSize: 12 };

/** A rate or latency per hour or day; a bucket with nothing counted is a gap, never a made-up zero. */
export default function RateLineChart({ label, describedBy, points, window, seriesName, format, target }: TRateLineChartProps) {
  return (
    <LineChart
      data={[...points]}
      responsive
      style={{ width: "100%", height: 180 }}
      margin={{ top: 12, right: 12, bottom: 4, left: 0 }}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
    >
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="bucketStart" tickFormatter={(value: string) => bucketLabel(value, window)} tick={TICK} minTickGap={16} />
      <YAxis tickFormatter={(value: number) => format(value)} tick={TICK} width={56} domain={[0, "auto"]} />
      <Tooltip
        labelFormatter={(value) => bucketLongLabel(String(value), window)}
        formatter={(value) => (typeof value === "number" ? format(value) : "nothing counted")}
      />
      {target ? (
        <ReferenceLine
          y={target.value}
          stroke={TARGET}
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
          label={{ value: target.label, position: "insideTopRight", fill: TARGET, fontSize: 12 }}
        />
      ) : null}
      <Line
        dataKey="value"
        name={seriesName}
        stroke={PRIMARY}
        strokeWidth={2}
        dot={{ r: 3.5 }}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
