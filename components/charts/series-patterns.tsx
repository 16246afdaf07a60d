import { SERIES_STYLES, type TSeriesPattern } from "./chart-palette";

const MARKS: Record<TSeriesPattern, string | null> = {
  solid: null,
  diagonal: "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2",
  "reverse-diagonal": "M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2",
  horizontal: "M0,3 l6,0",
  vertical: "M3,0 l0,6",
  cross: "M0,0 l6,6 M6,0 l-6,6",
  grid: "M0,3 l6,0 M3,0 l0,6",
  dots: "M2,2 h1 v1 h-1 z M5,5 h1 v1 h-1 z",
  checker: "M0,0 h3 v3 h-3 z M3,3 h3 v3 h-3 z",
};

/** The `url(#…)` fill of series `index` under `prefix` (a per-chart id, so two charts never share defs). */
export function patternFill(prefix: string, index: number): string {
  return `url(#${prefix}-series-${index % SERIES_STYLES.length})`;
}

/** SVG <defs>: each series' colour with white marks over it. Used inside a chart and in its legend's swatches. */
export function SeriesPatternDefs({ prefix }: { prefix: string }) {
  return (
    <defs>
      {SERIES_STYLES.map(({ color, pattern }, index) => (
        <pattern key={pattern} id={`${prefix}-series-${index}`} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill={color} />
          {MARKS[pattern] ? <path d={MARKS[pattern]} stroke="#ffffff" strokeWidth="1.2" fill="#ffffff" /> : null}
        </pattern>
      ))}
    </defs>
  );
}

/**
 * A legend in HTML (readable, wraps at phone width), each entry a swatch of the series' pattern and
 * its name. It carries its own pattern defs, so it is complete while the chart itself still loads.
 */
export function SeriesLegend({ prefix, series }: { prefix: string; series: readonly { label: string; index: number }[] }) {
  const own = `${prefix}-legend`;
  return (
    <div className="chart-legend">
      <svg className="chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
        <SeriesPatternDefs prefix={own} />
      </svg>
      <ul>
        {series.map(({ label, index }) => (
          <li key={label}>
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <rect width="14" height="14" fill={patternFill(own, index)} stroke="#1c2330" strokeWidth="0.5" />
            </svg>
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
