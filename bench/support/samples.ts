/** Latencies in milliseconds, kept whole (a few hundred thousand per run) so percentiles are exact. */
export class Samples {
  private values = new Float64Array(1 << 14);
  private size = 0;
  private sorted = true;

  add(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
    this.sorted = false;
  }

  get count(): number {
    return this.size;
  }

  /** The p-th percentile (0–100), NaN when empty. */
  percentile(p: number): number {
    if (!this.size) return NaN;
    if (!this.sorted) {
      this.values.subarray(0, this.size).sort();
      this.sorted = true;
    }
    return this.values[Math.min(this.size - 1, Math.floor((p / 100) * this.size))] ?? NaN;
  }
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};
