import { describe, expect, it } from "vitest";
import { histogramOf } from "../rollups/latency-histogram";
import { planWindow } from "./plan-window";
import { summarizePeriod, trendOf, type TDecisionRow, type TEventRow } from "./summarize-period";

const plan = planWindow("24h", new Date("2026-05-01T10:30:00Z"));
const at = (iso: string) => new Date(iso);
const ev = (bucket: string, type: string, outcome: string, events: number, extra: Partial<TEventRow> = {}): TEventRow => ({
  bucketStart: at(bucket),
  type,
  outcome,
  events,
  redactions: 0,
  hist: [],
  ...extra,
});
const dec = (bucket: string, outcome: string, reason: string, decisions: number): TDecisionRow => ({
  bucketStart: at(bucket),
  outcome,
  reason,
  decisions,
});

const H1 = "2026-05-01T09:00:00.000Z";
const H2 = "2026-05-01T10:00:00.000Z";
const BEFORE = "2026-04-30T09:00:00.000Z";

const events = [
  ev(H1, "run_started", "", 8),
  ev(H2, "run_started", "", 2),
  ev(H1, "run_ended", "success", 7),
  ev(H2, "run_ended", "failure", 1),
  ev(H2, "run_ended", "cancelled", 1),
  ev(H1, "tool_call", "success", 20),
  ev(H1, "tool_result", "success", 18, { hist: histogramOf([100, 100, 200]), redactions: 2 }),
  ev(H2, "tool_result", "failure", 2, { hist: histogramOf([5000]) }),
  ev(H1, "model_call", "success", 5, { hist: histogramOf([1000]) }),
  ev(H1, "human_override", "", 1),
  ev(H2, "rollback", "", 1),
  ev(H2, "error", "", 3, { redactions: 1 }),
  ev(BEFORE, "run_started", "", 100),
];
const decisions = [
  dec(H1, "ALLOW", "allowed", 40),
  dec(H1, "DENY", "dlp_undeclared_class", 6),
  dec(H2, "DENY", "data_class_not_declared", 1),
  dec(H2, "DENY", "tool_not_allowed", 2),
  dec(H2, "DENY", "some_future_code", 1),
  dec(H2, "REQUIRE_APPROVAL", "approval_required", 5),
  dec(BEFORE, "DENY", "rate_limited", 9),
];

describe("summarizePeriod", () => {
  it("counts only the period's buckets and keeps each rate's numerator and denominator", () => {
    const m = summarizePeriod({ period: plan.current, events, decisions, approvals: [] });
    expect(m).toMatchObject({
      from: plan.current.from.toISOString(),
      runs: 10,
      successRate: { numerator: 7, denominator: 9 },
      toolCalls: 20,
      toolErrorRate: { numerator: 2, denominator: 20, value: 0.1 },
      decisions: 55,
      denialRate: { numerator: 10, denominator: 55 },
      overrides: 1,
      overrideRate: { numerator: 1, denominator: 10, value: 0.1 },
      rollbacks: 1,
      errors: 3,
      dlpRedactions: 3,
      incidents: { measured: false },
    });
    // The unknown code counts as a denial but in no category.
    expect(Object.fromEntries(m.denialsByReason.map((d) => [d.category, d.count]))).toMatchObject({ dlp: 7, allowlist: 2, rate_limit: 0 });
    // Five timed samples: 100, 100, 200, 1000, 5000 → p50 falls in 200's bucket, p95 in 5000's.
    expect(m.latency.samples).toBe(5);
    expect(m.latency.p50).toBeGreaterThanOrEqual(200);
    expect(m.latency.p50).toBeLessThan(300);
    expect(m.latency.p95).toBeGreaterThanOrEqual(5000);
    expect(m.latency.p95).toBeLessThan(5000 * Math.SQRT2);
    const before = summarizePeriod({ period: plan.previous, events, decisions, approvals: [] });
    expect(before).toMatchObject({ runs: 100, decisions: 9, successRate: { value: null }, latency: { samples: 0, p95: null } });
  });

  it("reads approvals: the approval rate is over decided requests", () => {
    const m = summarizePeriod({
      period: plan.current,
      events: [],
      decisions: [],
      approvals: [
        { status: "APPROVED", count: 3, medianMs: 42_000 },
        { status: "DENIED", count: 1, medianMs: null },
        { status: "PENDING", count: 2, medianMs: null },
        { status: "CANCELLED", count: 1, medianMs: null },
      ],
    });
    expect(m.approvals).toEqual({
      requested: 7,
      approved: 3,
      rejected: 1,
      expired: 0,
      pending: 2,
      approvalRate: { numerator: 3, denominator: 4, value: 0.75 },
      medianTimeToApproveMs: 42_000,
    });
  });
});

describe("trendOf", () => {
  it("gives every bucket a point, with nulls where nothing was counted", () => {
    const trend = trendOf({ bucketStarts: plan.bucketStarts, events, decisions });
    expect(trend).toHaveLength(24);
    expect(trend[0]).toMatchObject({ runs: 0, decisions: 0, successRate: null, p95LatencyMs: null });
    expect(trend.find((p) => p.bucketStart === H1)).toMatchObject({ runs: 8, decisions: 46, successRate: 1, toolErrorRate: 0 });
    expect(trend.at(-1)).toMatchObject({ bucketStart: H2, runs: 2, successRate: 0, toolErrorRate: 1, overrideRate: 0 });
  });
});
