"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TEXT, GRID, PRIMARY } from "./chart-palette";
import type { TChartA11y } from "./chart-figure";

export type TCategoryBarChartProps = TChartA11y & { data: readonly { label: string; value: number }[]; valueLabel: string };

const TICK = { fill: AXIS_TEXT, fontSize: 12 };

/** One bar per category, laid sideways so long names fit at phone width; each bar is labelled with its value. */
export default function CategoryBarChart({ label, describedBy, data, valueLabel }: TCategoryBarChartProps) {
  return (
    <BarChart
      layout="vertical"
      data={[...data]}
      responsive
      style={{ width: "100%", height: Math.max(96, data.length * 34 + 16) }}
      margin={{ top: 4, right: 36, bottom: 4, left: 4 }}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
    >
      <CartesianGrid horizontal={false} stroke={GRID} />
      <XAxis type="number" allowDecimals={false} tick={TICK} hide />
      <YAxis type="category" dataKey="label" width={112} tick={TICK} tickLine={false} />
      <Tooltip cursor={{ fill: "#e9effd" }} />
      <Bar dataKey="value" name={valueLabel} fill={PRIMARY} isAnimationActive={false} maxBarSize={22}>
        <LabelList dataKey="value" position="right" fill="#1c2330" fontSize={12} />
      </Bar>
    </BarChart>
  );
}
