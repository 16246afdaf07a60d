// When automations run: people's working hours for agents that serve people, the night for batch
// jobs, one afternoon a week for a payment run. Hours are UTC, the buckets the dashboards use.

export type TRhythm = "business-hours" | "nightly-batch" | "around-the-clock" | "weekly-run";

const HOUR_MS = 3_600_000;

// Relative load per UTC hour of a weekday for agents that serve people (a lunch dip at 12).
const BUSINESS = [
  0.08, 0.05, 0.04, 0.04, 0.05, 0.1, 0.3, 0.7, 1.4, 1.9, 2.0, 1.8, 1.2, 1.7, 1.9, 1.8, 1.5, 1.0, 0.6, 0.4, 0.3, 0.2, 0.15, 0.1,
];
const NIGHTLY = [1.5, 5, 6, 4, 1.5, 0.5, 0.2, 0.2, 0.3, 0.4, 0.4, 0.4, 0.3, 0.4, 0.4, 0.4, 0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5];
const AROUND = [0.7, 0.6, 0.6, 0.6, 0.6, 0.7, 0.8, 1, 1.2, 1.3, 1.3, 1.3, 1.2, 1.3, 1.3, 1.3, 1.2, 1.1, 1, 0.9, 0.9, 0.8, 0.8, 0.7];
// Thursday afternoon: the payment run.
const PAYMENT_DAY = 4;
const PAYMENT_HOUR = 14;

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * How busy a workflow with this rhythm is in the hour starting at `hourStart`, as a multiple of
 * its average hour: over a week the multipliers average about 1, so `runsPerDay / 24` times this
 * is the hour's expected number of runs.
 */
export function activityAt(rhythm: TRhythm, hourStart: number): number {
  const at = new Date(hourStart);
  const hour = at.getUTCHours();
  const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
  switch (rhythm) {
    case "business-hours":
      // Five busy days and two at a quarter make a week's average (5 + 0.5) / 7 of a weekday's.
      return ((BUSINESS[hour] ?? 0) / mean(BUSINESS)) * (weekend ? 0.25 : 1) * (7 / 5.5);
    case "nightly-batch":
      return (NIGHTLY[hour] ?? 0) / mean(NIGHTLY);
    case "around-the-clock":
      return ((AROUND[hour] ?? 0) / mean(AROUND)) * (weekend ? 0.8 : 1.08);
    case "weekly-run":
      return at.getUTCDay() === PAYMENT_DAY && hour === PAYMENT_HOUR ? 24 * 7 : 0;
  }
}

/** The start of the UTC hour holding `at`. */
export const hourOf = (at: number) => Math.floor(at / HOUR_MS) * HOUR_MS;
