import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ZDashboard } from "@/lib/contracts/dashboard";
import { ZScorecard, ZSloUpdateResult } from "@/lib/contracts/scorecard";
import { createDraftByApi, PROBLEM, uniqueKey } from "./support/registry";
import { DEMO, signInByApi } from "./support/session";

// The scorecard, SLO and dashboard operations over HTTP with real sessions: who sees what, and
// precise problem+json for every kind of bad input.

async function problem(request: APIRequestContext, path: string, status: number, init?: { method: "PUT"; data: unknown }) {
  const response = init ? await request.put(path, { data: init.data }) : await request.get(path);
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["content-type"]).toBe(PROBLEM);
  return (await response.json()) as { code: string; detail: string; errors?: { path: string; message: string }[] };
}

test("an owner sees their own workflow's scorecard, and another's is not found", async ({ playwright }) => {
  const owner = await playwright.request.newContext();
  const admin = await playwright.request.newContext();
  await signInByApi(owner, DEMO.OWNER);
  await signInByApi(admin, DEMO.ADMIN);
  const mine = await createDraftByApi(owner, uniqueKey("scorecard-own"));
  const theirs = await createDraftByApi(admin, uniqueKey("scorecard-theirs"));

  const card = await owner.get(`/api/v1/workflows/${mine.id}/scorecard?window=30d`);
  expect(card.status()).toBe(200);
  const parsed = ZScorecard.parse(await card.json());
  expect(parsed).toMatchObject({ window: "30d", workflow: { id: mine.id, key: mine.key, status: "DRAFT" } });
  expect(parsed.trend).toHaveLength(30);
  expect(parsed.grade.factors.find((f) => f.factor === "traffic")?.value).toMatch(/graded on controls only/);

  const hidden = await problem(owner, `/api/v1/workflows/${theirs.id}/scorecard`, 404);
  expect(hidden).toMatchObject({ code: "not_found", detail: "The workflow was not found" });
  expect(JSON.stringify(hidden)).not.toContain(theirs.key);
  // The dashboard is the fleet view of Security, administrators and auditors.
  expect(await problem(owner, "/api/v1/dashboard", 403)).toMatchObject({ code: "forbidden" });
  await owner.dispose();
  await admin.dispose();
});

test("a draft's owner sets its SLO at once; bad targets are refused field by field", async ({ request }) => {
  await signInByApi(request, DEMO.OWNER);
  const draft = await createDraftByApi(request, uniqueKey("slo"));
  const path = `/api/v1/workflows/${draft.id}/slo`;
  const bad = await problem(request, path, 400, {
    method: "PUT",
    data: { successRate: 2, toolErrorRate: 0, latencyP95Ms: 1.5, expectedVersion: draft.version, extra: true },
  });
  expect(bad.code).toBe("validation_failed");
  expect(bad.errors?.map((e) => e.path).sort()).toEqual(["body", "body.latencyP95Ms", "body.successRate", "body.toolErrorRate"]);
  expect(bad.errors).toContainEqual({ path: "body.successRate", message: "Use a target of at most 0.9999" });

  const set = await request.put(path, {
    data: { successRate: 0.995, toolErrorRate: 0.01, latencyP95Ms: 2_000, expectedVersion: draft.version },
  });
  expect(set.status(), await set.text()).toBe(200);
  expect(ZSloUpdateResult.parse(await set.json())).toEqual({
    outcome: "applied",
    targets: { successRate: 0.995, toolErrorRate: 0.01, latencyP95Ms: 2_000 },
    version: draft.version + 1,
  });
  const stale = await problem(request, path, 409, {
    method: "PUT",
    data: { successRate: 0.99, toolErrorRate: 0.01, latencyP95Ms: 2_000, expectedVersion: draft.version },
  });
  expect(stale.detail).toMatch(/SLO targets/);
  const card = ZScorecard.parse(await (await request.get(`/api/v1/workflows/${draft.id}/scorecard`)).json());
  expect(card.slo).toMatchObject({ defaults: false, targets: { successRate: 0.995 } });
});

test("unknown windows, unknown parameters and malformed ids answer a precise 400; unknown ids 404", async ({ request }) => {
  await signInByApi(request, DEMO.SECURITY);
  const window = await problem(request, "/api/v1/dashboard?window=1y", 400);
  expect(window.errors).toEqual([{ path: "query.window", message: "Use window=24h, 7d or 30d" }]);
  const extra = await problem(request, "/api/v1/dashboard?window=7d&from=2020-01-01", 400);
  expect(extra.errors?.[0]).toMatchObject({ path: "query", message: expect.stringContaining("from") });
  const id = await problem(request, "/api/v1/workflows/not-a-uuid/scorecard", 400);
  expect(id.errors).toEqual([{ path: "params.id", message: "Not a workflow id" }]);
  expect(await problem(request, `/api/v1/workflows/${randomUUID()}/scorecard?window=24h`, 404)).toMatchObject({ code: "not_found" });
  expect((await problem(request, `/api/v1/workflows/${randomUUID()}/scorecard?window=90d`, 400)).errors?.[0]?.path).toBe("query.window");

  const board = await request.get("/api/v1/dashboard?window=24h");
  expect(board.status()).toBe(200);
  const dashboard = ZDashboard.parse(await board.json());
  expect(dashboard.inventory.total).toBeGreaterThan(0);
  expect(dashboard.denialTrend).toHaveLength(24 * 9);
});
