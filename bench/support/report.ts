import { median } from "./samples";

export const int = (n: number): string => Math.round(n).toLocaleString("en");
export const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
export const verdict = (ok: boolean): string => (ok ? "PASS" : "FAIL");

/** The median of per-round figures, then every round in order (a trend across rounds shows). */
export function spread(values: readonly number[], format: (n: number) => string = int): string {
  return `${format(median(values))} (${values.map(format).join(", ")})`;
}

/** Tallies labels (e.g. decision outcomes) and prints them as shares. */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(label: string): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }

  toString(): string {
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    return [...this.counts]
      .sort((a, b) => b[1] - a[1])
      .map(([label, n]) => `${label} ${((100 * n) / total).toFixed(1)}%`)
      .join(", ");
  }
}
