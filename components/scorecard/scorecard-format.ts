import type { TGradeExplanation, TRate } from "@/lib/contracts/scorecard";

// One locale everywhere, so the server's HTML and the browser's re-render agree.
const COUNT = new Intl.NumberFormat("en-US");

export const EMPTY = "—";

export function formatCount(value: number): string {
  return COUNT.format(value);
}

export function formatPercent(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return EMPTY;
  return `${(value * 100).toFixed(digits)}%`;
}

/** "97.2% (972 of 1,000)": the rate with what it was computed from; a dash when nothing was counted. */
export function formatRate(rate: TRate): string {
  if (rate.value === null) return `${EMPTY} (none counted)`;
  return `${formatPercent(rate.value)} (${formatCount(rate.numerator)} of ${formatCount(rate.denominator)})`;
}

/** Milliseconds in the unit a person reads fastest. */
export function formatMs(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return EMPTY;
  const ms = Math.abs(value);
  if (ms < 1_000) return `${Math.round(value)} ms`;
  if (ms < 60_000) return `${(value / 1_000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(value / 60_000).toFixed(1)} min`;
  return `${(value / 3_600_000).toFixed(1)} h`;
}

export type TFigureKind = "rate" | "count" | "ms";
export type TBetter = "higher" | "lower" | "neither";
export type TDelta = { arrow: "▲" | "▼" | "="; text: string; tone: "good" | "bad" | "neutral" } | null;

function formatFigure(value: number, kind: TFigureKind): string {
  if (kind === "rate") return formatPercent(value);
  if (kind === "ms") return formatMs(value);
  return formatCount(value);
}

function formatDifference(difference: number, kind: TFigureKind): string {
  if (kind === "rate") return `${(difference * 100).toFixed(1)} pts`;
  return formatFigure(difference, kind);
}

/**
 * The change from the previous period, as arrow, words and tone: the words carry the meaning, so
 * neither the arrow nor the colour is the only signal. Null when either period has no figure.
 */
export function deltaOf(options: { current: number | null; previous: number | null; kind: TFigureKind; better: TBetter }): TDelta {
  const { current, previous, kind, better } = options;
  if (current === null || previous === null) return null;
  const difference = current - previous;
  // Below what the figure shows (0.1 pt, 1 ms, one count) is no change to a reader.
  const visible = kind === "rate" ? Math.abs(difference) >= 0.0005 : Math.abs(difference) >= 0.5;
  if (!visible) return { arrow: "=", text: `same as the previous period (${formatFigure(previous, kind)})`, tone: "neutral" };
  const up = difference > 0;
  const improved = better === "neither" ? null : (better === "higher") === up;
  return {
    arrow: up ? "▲" : "▼",
    text: `${up ? "up" : "down"} ${formatDifference(Math.abs(difference), kind)} from ${formatFigure(previous, kind)}`,
    tone: improved === null ? "neutral" : improved ? "good" : "bad",
  };
}

const GRADE_TONES = { A: "good", B: "good", C: "warn", D: "bad", F: "bad" } as const;
export function gradeTone(grade: TGradeExplanation["grade"]): "good" | "warn" | "bad" {
  return GRADE_TONES[grade];
}

/** How many points a factor lost: what it would add to the 0–100 score at full marks. */
export function pointsLost(factor: { score: number; weight: number }, totalWeight: number): number {
  if (totalWeight <= 0) return 0;
  return ((1 - factor.score) * factor.weight * 100) / totalWeight;
}

/** Words for what is left of the error budget; the bar beside it only repeats them. */
export function budgetText(remaining: number | null): string {
  if (remaining === null) return "No runs in this period, so no budget was spent.";
  if (remaining < 0) return `Overspent: ${formatPercent(-remaining, 0)} more failures than the SLO allows.`;
  return `${formatPercent(remaining, 0)} of the error budget left.`;
}
