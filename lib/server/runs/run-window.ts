import "server-only";

/**
 * How far a run's decisions may precede its first reported event: events carry the automation's
 * clock, decisions the gate's. Wide enough for any sane skew, narrow enough to keep the query on
 * the partitions around the run.
 */
export const CLOCK_SKEW_MS = 86_400_000;
