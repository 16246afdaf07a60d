import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDecisionReasonCode } from "@/lib/contracts/decisions";
import type { TRunEvent } from "@/lib/contracts/events";
import { ZScorecard } from "@/lib/contracts/scorecard";
import { readWorkflowRaw } from "@/bench/support/raw-scorecard";
import { givenGatedWorkflow, givenUser } from "@/test/fixtures/approvals";
import { givenCatalog } from "@/test/fixtures/registry-changes";
import { ingest, randomDecisions, randomEvents, seededRandom, storeDecisions } from "@/test/fixtures/rollups";
import { verifyAndRecordAuditChain } from "../audit/verify-and-record-audit-chain";
import { runAudited } from "../audit/run-audited";
import { getDb } from "../db/client";
import { closeSqlPool } from "../db/pool";
import type { TDecisionRow } from "../decisions/runtime/decision-row";
import { AppError } from "../errors";
import { catchUpRollups } from "../rollups/fold-rollups";
import { getWorkflowScorecard } from "./get-workflow-scorecard";
import { planWindow } from "./plan-window";
import { summarizePeriod, trendOf } from "./summarize-period";

const db = getDb();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
beforeAll(() => givenCatalog());
afterAll(() => closeSqlPool());

type TGated = Awaited<ReturnType<typeof givenGatedWorkflow>>;

const event = (at: number, type: TRunEvent["type"], extra: Partial<TRunEvent> = {}): TRunEvent => ({
  id: randomUUID(),
  runId: "run-1",
  type,
  occurredAt: new Date(at).toISOString(),
  ...extra,
});
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

function decision(gated: TGated, at: number, outcome: TDecisionRow["outcome"], code: TDecisionReasonCode): TDecisionRow {
  return {
    id: randomUUID(),
    workflow_id: gated.workflow.id,
    token_id: gated.token.id,
    run_id: "run-1",
    tool: "kb.search",
    model: "acme/large/2",
    data_classes: [],
    outcome,
    tier: "T0",
    reasons: [{ rule: 1, code, message: "fixture" }],
    registry_version: "fixture",
    arguments_hash: "0".repeat(64),
    approval_id: null,
    decided_at: new Date(at).toISOString(),
  };
}

async function givenApprovalRow(
  gated: TGated,
  status: "APPROVED" | "DENIED" | "PENDING" | "EXPIRED",
  createdAt: number,
  decidedAfterMs?: number,
) {
  await db.approvalRequest.create({
    data: {
      workflowId: gated.workflow.id,
      runId: "run-1",
      tool: "stripe.refund",
      model: "acme/large/2",
      dataClasses: [],
      tier: "T2",
      consequence: "MONEY_MOVEMENT",
      approvalsRequired: 1,
      argumentsHash: "0".repeat(64),
      arguments: {},
      reasons: [],
      registryVersion: "fixture",
      status,
      createdAt: new Date(createdAt),
      escalateAt: new Date(createdAt + HOUR),
      expiresAt: new Date(createdAt + 2 * HOUR),
      decidedAt: decidedAfterMs === undefined ? null : new Date(createdAt + decidedAfterMs),
    },
  });
}

describe("getWorkflowScorecard", () => {
  it("reports each figure of the window and the one before from the roll-ups", async () => {
    const gated = await givenGatedWorkflow();
    const now = Date.now();
    const recent = now - 2 * HOUR;
    const before = now - 8 * DAY;
    const ingested = await ingest(gated, [
      ...times(4, () => event(recent, "run_started")),
      ...times(3, () => event(recent, "run_ended", { outcome: "success" })),
      event(recent, "run_ended", { outcome: "failure" }),
      ...times(5, () => event(recent, "tool_call", { tool: "kb.search", outcome: "success", latencyMs: 3 })),
      ...[100, 200, 300, 400].map((latencyMs) => event(recent, "tool_result", { tool: "kb.search", outcome: "success", latencyMs })),
      event(recent, "tool_result", { tool: "kb.search", outcome: "failure", latencyMs: 9_000 }),
      ...[1_000, 1_500].map((latencyMs) => event(recent, "model_call", { model: "acme/large/2", latencyMs })),
      event(recent, "human_override"),
      event(recent, "rollback"),
      ...times(2, () => event(recent, "error", { data: { error: "mail jane.doe@example.com failed" } })),
      ...times(2, () => event(before, "run_started")),
      ...times(2, () => event(before, "run_ended", { outcome: "failure" })),
    ]);
    expect(ingested).toMatchObject({ rejected: 0 });
    await storeDecisions([
      ...times(6, () => decision(gated, recent, "ALLOW", "allowed")),
      ...times(2, () => decision(gated, recent, "DENY", "dlp_undeclared_class")),
      decision(gated, recent, "DENY", "tool_not_allowed"),
      decision(gated, recent, "REQUIRE_APPROVAL", "approval_required"),
      ...times(3, () => decision(gated, before, "DENY", "rate_limited")),
    ]);
    await givenApprovalRow(gated, "APPROVED", recent, 60_000);
    await givenApprovalRow(gated, "APPROVED", recent, 180_000);
    await givenApprovalRow(gated, "DENIED", recent, 30_000);
    await givenApprovalRow(gated, "PENDING", recent);
    await givenApprovalRow(gated, "EXPIRED", before, 2 * HOUR);
    await catchUpRollups(db);

    const card = ZScorecard.parse(await getWorkflowScorecard({ db, user: gated.owner, workflowId: gated.workflow.id, window: "7d" }));
    const redactions = await db.runEvent.aggregate({ where: { workflowId: gated.workflow.id }, _sum: { redactions: true } });
    expect(redactions._sum.redactions).toBeGreaterThan(0);
    expect(card.current).toMatchObject({
      runs: 4,
      successRate: { numerator: 3, denominator: 4, value: 0.75 },
      toolCalls: 5,
      toolErrorRate: { numerator: 1, denominator: 5, value: 0.2 },
      decisions: 10,
      denialRate: { numerator: 3, denominator: 10 },
      approvals: {
        requested: 4,
        approved: 2,
        rejected: 1,
        pending: 1,
        expired: 0,
        approvalRate: { numerator: 2, denominator: 3 },
        medianTimeToApproveMs: 120_000,
      },
      overrides: 1,
      overrideRate: { value: 0.25 },
      rollbacks: 1,
      errors: 2,
      dlpRedactions: redactions._sum.redactions,
      incidents: { measured: false, note: "Measured once breakers and incidents exist" },
      timeToHaltMs: { measured: false },
    });
    expect(Object.fromEntries(card.current.denialsByReason.map((d) => [d.category, d.count]))).toMatchObject({
      dlp: 2,
      allowlist: 1,
      rate_limit: 0,
    });
    // Seven timed samples (tool results and model calls; a tool_call's gate time is not latency): p50 400 ms, p95 and p99 9 s, each within one √2 bucket.
    expect(card.current.latency.samples).toBe(7);
    for (const [q, exact] of [
      ["p50", 400],
      ["p95", 9_000],
      ["p99", 9_000],
    ] as const) {
      expect(card.current.latency[q]).toBeGreaterThanOrEqual(exact);
      expect(card.current.latency[q]).toBeLessThanOrEqual(exact * Math.SQRT2);
    }
    expect(card.previous).toMatchObject({
      runs: 2,
      successRate: { numerator: 0, denominator: 2, value: 0 },
      decisions: 3,
      denialRate: { value: 1 },
      approvals: { requested: 1, expired: 1, approvalRate: { numerator: 0, denominator: 1 } },
      latency: { samples: 0, p95: null },
    });
    expect(card.trend).toHaveLength(7);
    expect(card.trend.reduce((sum, p) => sum + p.runs, 0)).toBe(4);
    expect(card.workflow).toMatchObject({ id: gated.workflow.id, key: gated.workflow.key, status: "ACTIVE", halted: false });
    expect(card.slo).toMatchObject({ defaults: true, targets: { successRate: 0.99 } });
    // 25% failures against a 1% budget: 25× the budget, so 24 budgets overspent.
    expect(card.slo.errorBudgetRemaining).toBeCloseTo(-24, 6);
    expect(card.slo.objectives.find((o) => o.indicator === "tool_error_rate")).toMatchObject({ actual: 0.2, met: false });
    expect(Math.abs(card.grade.factors.reduce((s, f) => s + f.weight * f.score, 0) - card.grade.score)).toBeLessThan(0.005);
  });

  it("matches the same figures computed from the raw rows, on randomized data", async () => {
    const seed = Date.now() % 100_000;
    const random = seededRandom(seed);
    const gated = await givenGatedWorkflow();
    await ingest(gated, randomEvents(random, 2_500, { days: 40 }));
    await storeDecisions(randomDecisions(random, gated, 1_500, { days: 40 }));
    await catchUpRollups(db);
    for (const window of ["24h", "7d", "30d"] as const) {
      const now = new Date();
      const plan = planWindow(window, now);
      const card = await getWorkflowScorecard({ db, user: gated.owner, workflowId: gated.workflow.id, window, now });
      const raw = await readWorkflowRaw({
        db,
        workflowId: gated.workflow.id,
        granularity: plan.granularity,
        from: plan.previous.from,
        to: plan.current.to,
      });
      const noApprovals = { approvals: card.current.approvals };
      expect({ seed, window, current: card.current }).toEqual({
        seed,
        window,
        current: { ...summarizePeriod({ period: plan.current, ...raw, approvals: [] }), ...noApprovals },
      });
      expect(card.previous).toEqual({
        ...summarizePeriod({ period: plan.previous, ...raw, approvals: [] }),
        approvals: card.previous.approvals,
      });
      expect(card.trend).toEqual(trendOf({ bucketStarts: plan.bucketStarts, ...raw }));
      expect(card.current.runs + card.previous.runs).toBeGreaterThan(0);
      // The whole scorecard with its rows read from the raw tables, as the bench's baseline reads them.
      const fromRaw = await getWorkflowScorecard({
        db,
        user: gated.owner,
        workflowId: gated.workflow.id,
        window,
        now,
        source: { readWorkflowRows: readWorkflowRaw },
      });
      expect(fromRaw).toEqual(card);
    }
  });

  it("finds nothing for a workflow the user may not see, and says nothing about it", async () => {
    const gated = await givenGatedWorkflow();
    const [stranger, auditor, nobody] = await Promise.all([givenUser(["OWNER"]), givenUser(["AUDITOR"]), givenUser([])]);
    for (const user of [stranger, nobody]) {
      const refused = await getWorkflowScorecard({ db, user, workflowId: gated.workflow.id, window: "24h" }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: "not_found", detail: "The workflow was not found" });
    }
    const missing = await getWorkflowScorecard({ db, user: auditor, workflowId: randomUUID(), window: "24h" }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "not_found" });
    expect(await getWorkflowScorecard({ db, user: auditor, workflowId: gated.workflow.id, window: "24h" })).toMatchObject({
      window: "24h",
    });
  });

  it("pages when the last hour and five minutes burn the error budget at 14.4× or more", async () => {
    const gated = await givenGatedWorkflow();
    const now = Date.now();
    await db.workflowSlo.create({
      data: { workflowId: gated.workflow.id, successRate: 0.9, toolErrorRate: 0.05, latencyP95Ms: 2_000, updatedById: gated.owner.id },
    });
    // The last five minutes: every run fails. Earlier in the hour: all fine. 6 h ago: a calm stretch.
    await ingest(gated, [
      ...times(6, () => event(now - 2 * 60_000, "run_ended", { outcome: "failure" })),
      ...times(4, () => event(now - 40 * 60_000, "run_ended", { outcome: "success" })),
      ...times(30, () => event(now - 5 * HOUR, "run_ended", { outcome: "success" })),
    ]);
    const card = await getWorkflowScorecard({ db, user: gated.owner, workflowId: gated.workflow.id, window: "24h", now: new Date(now) });
    expect(card.slo).toMatchObject({ defaults: false, targets: { successRate: 0.9, toolErrorRate: 0.05, latencyP95Ms: 2_000 } });
    const [page, ticket] = card.slo.burnRateAlerts;
    // 5 min: 6/6 failed → 10× a 10% budget; 1 h: 6/10 → 6×; 6 h: 6/40 → 1.5×; 30 min: 6/6 → 10×.
    expect(page).toMatchObject({ severity: "page", firing: false });
    expect(page!.shortBurnRate).toBeCloseTo(10, 6);
    expect(page!.longBurnRate).toBeCloseTo(6, 6);
    expect(ticket).toMatchObject({ severity: "ticket", firing: false });
    expect(ticket!.longBurnRate).toBeCloseTo(1.5, 6);

    // Five more failures in the last minutes: 1 h at 11/15 → 7.3×, 6 h at 11/45 → 2.4×, 5 min 11/11 → 10×.
    await ingest(
      gated,
      times(5, () => event(now - 60_000, "run_ended", { outcome: "failure" })),
    );
    await db.workflowSlo.update({ where: { workflowId: gated.workflow.id }, data: { successRate: 0.95 } });
    const burning = await getWorkflowScorecard({ db, user: gated.owner, workflowId: gated.workflow.id, window: "24h", now: new Date(now) });
    // A 5% budget: 5 min 20×, 1 h (11/15) 14.67×, 30 min 20×, 6 h (11/45) 4.9×: pages, no ticket.
    expect(burning.slo.burnRateAlerts.map((a) => [a.severity, a.firing])).toEqual([
      ["page", true],
      ["ticket", false],
    ]);
  });

  it("checks controls from the registry and the recorded chain verification", async () => {
    const gated = await givenGatedWorkflow();
    const card = async () => getWorkflowScorecard({ db, user: gated.owner, workflowId: gated.workflow.id, window: "24h" });
    const checks = async () => Object.fromEntries((await card()).coverage.map((c) => [c.control, c]));
    const first = await checks();
    expect(first.owner_and_raci).toMatchObject({
      passed: false,
      detail: expect.stringContaining("Nobody is assigned to the data owner function"),
    });
    expect(first.kill_switch_drilled).toMatchObject({ passed: false, detail: "No drill recorded — drills arrive with incidents" });
    expect(first.runbook_present).toMatchObject({ passed: false });

    await db.serviceToken.update({ where: { id: gated.token.id }, data: { createdAt: new Date(Date.now() - 120 * DAY) } });
    await db.workflow.update({ where: { id: gated.workflow.id }, data: { runbook: "Pause it and page the on-call." } });
    await runAudited(db, (tx) => verifyAndRecordAuditChain({ tx, actor: { type: "user", id: gated.owner.id, label: gated.owner.email } }));
    const second = await checks();
    expect(second.tokens_rotated).toMatchObject({
      passed: false,
      detail: "1 of 1 active token older than 90 days (oldest: fixture token, 120 days)",
    });
    expect(second.runbook_present).toMatchObject({ passed: true, detail: "Runbook of 30 characters" });
    expect(second.audit_chain_verified).toMatchObject({ passed: true, detail: expect.stringContaining(`by ${gated.owner.email}`) });
    const grade = (await card()).grade;
    expect(grade.factors.find((f) => f.factor === "traffic")).toMatchObject({ weight: 0 });
    expect(grade.factors.find((f) => f.factor === "controls")).toMatchObject({ weight: 100 });
  });
});
