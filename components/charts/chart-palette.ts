/**
 * Series colours (Okabe–Ito, distinguishable with the common colour-vision deficiencies) each with
 * its own fill pattern, so two series never differ by colour alone. SVG presentation attributes
 * cannot read CSS variables, hence literal colours.
 */
export const SERIES_STYLES = [
  { color: "#0072B2", pattern: "solid" },
  { color: "#D55E00", pattern: "diagonal" },
  { color: "#009E73", pattern: "dots" },
  { color: "#CC79A7", pattern: "cross" },
  { color: "#8a5a00", pattern: "horizontal" },
  { color: "#56B4E9", pattern: "vertical" },
  { color: "#5d6778", pattern: "reverse-diagonal" },
  { color: "#b42318", pattern: "grid" },
  { color: "#1c2330", pattern: "checker" },
] as const;
export type TSeriesPattern = (typeof SERIES_STYLES)[number]["pattern"];

export function seriesStyle(index: number): (typeof SERIES_STYLES)[number] {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
}

/** The one colour of single-series charts: the console's accent. */
export const PRIMARY = "#2f5bd3";
export const GRID = "#dde1e7";
export const AXIS_TEXT = "#5d6778";
/** SLO targets and thresholds drawn across a chart. */
export const TARGET = "#b42318";
