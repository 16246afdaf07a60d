import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZDashboard } from "@/lib/contracts/dashboard";
import type { TDecisionReasonCode } from "@/lib/contracts/decisions";
import type { TRunEvent } from "@/lib/contracts/events";
import {
  readFleetRaw,
  readFleetTrendsRaw,
  readFleetHistogramsRaw,
  readShadowActivityRaw,
  readTopDenialCategoriesRaw,
} from "@/bench/support/raw-scorecard";
import { givenGatedWorkflow, givenUser } from "@/test/fixtures/approvals";
import { givenCatalog } from "@/test/fixtures/registry-changes";
import { ingest, storeDecisions } from "@/test/fixtures/rollups";
import type { TSessionUser } from "../authz/principal";
import { getDb } from "../db/client";
import { closeSqlPool } from "../db/pool";
import type { TDecisionRow } from "../decisions/runtime/decision-row";
import { catchUpRollups } from "../rollups/fold-rollups";
import { planWindow } from "../scorecard/plan-window";
import { getDashboard } from "./get-dashboard";
import { readFleetFigures, readFleetHistograms, readFleetTrends } from "./read-fleet-rollups";

const db = getDb();
const HOUR = 3_600_000;
type TGated = Awaited<ReturnType<typeof givenGatedWorkflow>>;

let weak: TGated;
let strong: TGated;
let security: TSessionUser;
const shadowKey = `shadow-${randomUUID().slice(0, 8)}`;

const event = (at: number, type: TRunEvent["type"], extra: Partial<TRunEvent> = {}): TRunEvent => ({
  id: randomUUID(),
  runId: "run-1",
  type,
  occurredAt: new Date(at).toISOString(),
  ...extra,
});
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);
const decision = (gated: TGated, outcome: TDecisionRow["outcome"], code: TDecisionReasonCode): TDecisionRow => ({
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
  decided_at: new Date(Date.now() - HOUR).toISOString(),
});

async function givenPending(gated: TGated, expiresInMs: number) {
  const now = Date.now();
  return db.approvalRequest.create({
    data: {
      workflowId: gated.workflow.id,
      runId: "run-1",
      tool: "stripe.refund",
      model: "acme/large/2",
      dataClasses: [],
      tier: "T3",
      consequence: "MONEY_MOVEMENT",
      approvalsRequired: 2,
      argumentsHash: "0".repeat(64),
      arguments: {},
      reasons: [],
      registryVersion: "fixture",
      escalateAt: new Date(now + expiresInMs / 2),
      expiresAt: new Date(now + expiresInMs),
    },
  });
}

beforeAll(async () => {
  await givenCatalog();
  [weak, strong, security] = await Promise.all([givenGatedWorkflow(), givenGatedWorkflow(), givenUser(["SECURITY"])]);
  const cards = await db.dataClass.findUniqueOrThrow({ where: { key: "cards" } });
  // Both are granted acme/large/2 and INTERNAL tickets by the fixture; only the weak one declares RESTRICTED cards.
  await db.workflowDataClass.create({ data: { workflowId: weak.workflow.id, dataClassId: cards.id } });
  const at = Date.now() - HOUR;
  await ingest(weak, [
    ...times(10, () => event(at, "run_started")),
    ...times(4, () => event(at, "run_ended", { outcome: "success" })),
    ...times(6, () => event(at, "run_ended", { outcome: "failure" })),
    ...times(3, () => event(at, "tool_result", { tool: "kb.search", outcome: "failure", latencyMs: 50 })),
    ...times(2, () => event(at, "error", { workflowKey: shadowKey, data: { note: "mail jane.doe@example.com" } })),
  ]);
  await ingest(strong, [
    ...times(10, () => event(at, "run_started")),
    ...times(10, () => event(at, "run_ended", { outcome: "success" })),
    ...times(10, () => event(at, "tool_result", { tool: "kb.search", outcome: "success", latencyMs: 50 })),
  ]);
  await storeDecisions([
    ...times(5, () => decision(weak, "ALLOW", "allowed")),
    ...times(4, () => decision(weak, "DENY", "dlp_undeclared_class")),
    ...times(20, () => decision(strong, "ALLOW", "allowed")),
    decision(strong, "DENY", "policy_forbids"),
  ]);
  await givenPending(weak, 30 * 60_000);
  await givenPending(strong, -60_000);
  await db.killSwitch.create({
    data: {
      scope: "WORKFLOW",
      target: strong.workflow.key,
      reason: "Bad deploy",
      engagedByType: "user",
      engagedById: security.id,
      engagedByLabel: security.email,
    },
  });
  await catchUpRollups(db);
});
afterAll(() => closeSqlPool());

describe("getDashboard", () => {
  it("shows people who read every workflow the whole fleet, riskiest first, with why", async () => {
    const board = ZDashboard.parse(await getDashboard({ db, user: security, window: "24h" }));
    expect(board.inventory).toMatchObject({ total: 2, halted: 1 });
    expect(board.inventory.byStatus).toContainEqual({ status: "ACTIVE", count: 2 });
    expect(board.riskiest.map((r) => r.key)).toEqual([weak.workflow.key, strong.workflow.key]);
    const [riskiest] = board.riskiest;
    expect(riskiest!.why).toHaveLength(2);
    expect(riskiest!.why.map((f) => f.factor)).toContain("success_rate");
    expect(board.killSwitches).toEqual([
      expect.objectContaining({ scope: "WORKFLOW", target: strong.workflow.key, engagedBy: security.email }),
    ]);
    expect(board.pendingApprovals).toMatchObject({ total: 2, overdue: 1, dueWithinHour: 1 });
    expect(board.pendingApprovals.soonest.map((a) => a.workflowKey)).toEqual([strong.workflow.key, weak.workflow.key]);
    expect(board.shadow.total).toBeGreaterThanOrEqual(1);
    expect(board.shadow.recent).toContainEqual(expect.objectContaining({ key: shadowKey, events: 2 }));
    expect(board.dataFlows).toEqual([
      { dataClass: "cards", sensitivity: "RESTRICTED", provider: "acme", model: "large/2", regions: ["eu"], workflows: 1, decisions: 5 },
    ]);
    const denials = (category: string) => board.denialTrend.filter((p) => p.category === category).reduce((s, p) => s + p.count, 0);
    expect([denials("dlp"), denials("policy"), denials("rate_limit")]).toEqual([4, 1, 0]);
    expect(board.denialTrend).toHaveLength(24 * 9);
    expect(board.dlpTrend).toHaveLength(24);
    expect(board.dlpTrend.reduce((s, p) => s + p.denials, 0)).toBe(4);
    expect(board.dlpTrend.reduce((s, p) => s + p.redactions, 0)).toBeGreaterThanOrEqual(2);
    expect(board.incidents).toEqual({ measured: false, note: "Measured once breakers and incidents exist" });
  });

  it("limits an owner to their own workflows in every part", async () => {
    const board = ZDashboard.parse(await getDashboard({ db, user: weak.owner, window: "24h" }));
    expect(board.inventory).toMatchObject({ total: 1, halted: 0 });
    expect(board.riskiest.map((r) => r.key)).toEqual([weak.workflow.key]);
    expect(board.killSwitches).toEqual([]);
    expect(board.pendingApprovals).toMatchObject({ total: 1, overdue: 0, dueWithinHour: 1 });
    expect(board.shadow).toEqual({ total: 0, recent: [] });
    expect(board.denialTrend.filter((p) => p.category === "policy").reduce((s, p) => s + p.count, 0)).toBe(0);
    expect(board.dataFlows).toHaveLength(1);
    const stranger = await givenUser(["OWNER"]);
    const empty = await getDashboard({ db, user: stranger, window: "7d" });
    expect(empty).toMatchObject({ inventory: { total: 0 }, riskiest: [], dataFlows: [], pendingApprovals: { total: 0 } });
    expect(empty.denialTrend.every((p) => p.count === 0)).toBe(true);
  });

  it("answers the same from the roll-ups as from the raw tables (the bench's baseline)", async () => {
    const raw = {
      readFleetFigures: readFleetRaw,
      readFleetTrends: readFleetTrendsRaw,
      readShadowActivity: readShadowActivityRaw,
      readFleetHistograms: readFleetHistogramsRaw,
      readTopDenialCategories: readTopDenialCategoriesRaw,
    };
    const now = new Date();
    for (const user of [security, weak.owner]) {
      const fromRollups = await getDashboard({ db, user, window: "7d", now });
      expect(await getDashboard({ db, user, window: "7d", now, source: raw })).toEqual(fromRollups);
      expect(fromRollups.riskiest.length).toBeGreaterThan(0);
    }
  });

  it("reads the same figures from the roll-ups as from the raw rows", async () => {
    for (const window of ["24h", "30d"] as const) {
      const plan = planWindow(window, new Date());
      for (const scope of [null, [weak.workflow.id]]) {
        const options = { db, granularity: plan.granularity, period: plan.current, scope };
        const [rollups, raw] = await Promise.all([readFleetFigures(options), readFleetRaw(options)]);
        const sorted = (m: Map<string, unknown>) => [...m].sort((a, b) => a[0].localeCompare(b[0]));
        expect(sorted(rollups)).toEqual(sorted(raw));
        expect(rollups.size).toBeGreaterThan(0);
        const ids = [...rollups.keys()];
        const [hists, rawHists] = await Promise.all([
          readFleetHistograms({ ...options, workflowIds: ids }),
          readFleetHistogramsRaw({ ...options, workflowIds: ids }),
        ]);
        expect(sorted(hists)).toEqual(sorted(rawHists));
        expect([...hists.values()].some((h) => h.length > 0)).toBe(true);
        const [trends, rawTrends] = await Promise.all([readFleetTrends(options), readFleetTrendsRaw(options)]);
        const byTime = <T extends { bucketStart: Date }>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
        expect(byTime(trends.denials)).toEqual(byTime(rawTrends.denials));
        expect(byTime(trends.redactions)).toEqual(byTime(rawTrends.redactions));
      }
    }
  });
});
