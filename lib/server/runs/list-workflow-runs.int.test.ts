import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZWorkflowRunsQuery, type TWorkflowRunsQuery } from "@/lib/contracts/runs";
import { givenGatedWorkflow, givenUser } from "@/test/fixtures/approvals";
import { givenDecision, givenEvents } from "@/test/fixtures/runs";
import type { TSessionUser } from "../authz/principal";
import { listWorkflowRuns } from "./list-workflow-runs";

const NOW = new Date();
const iso = (msAgo: number) => new Date(NOW.getTime() - msAgo).toISOString();
const list = (user: TSessionUser, workflowId: string, query: TWorkflowRunsQuery = {}) =>
  listWorkflowRuns({ user, workflowId, query: ZWorkflowRunsQuery.parse(query), now: NOW });
const runIds = (page: { items: { runId: string }[] }) => page.items.map((r) => r.runId);
const name = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

async function givenRuns() {
  const gated = await givenGatedWorkflow();
  const ok = name("ok");
  const failed = name("failed");
  const running = name("running");
  await givenEvents(gated, [
    { runId: ok, type: "run_started", occurredAt: iso(60_000) },
    { runId: ok, type: "tool_call", occurredAt: iso(59_000), tool: "kb.search" },
    { runId: ok, type: "run_ended", occurredAt: iso(50_000), outcome: "success" },
    { runId: failed, type: "run_started", occurredAt: iso(40_000) },
    { runId: failed, type: "run_ended", occurredAt: iso(39_500), outcome: "failure" },
    { runId: running, type: "run_started", occurredAt: iso(20_000) },
    { runId: running, type: "model_call", occurredAt: iso(19_000), model: "acme/large/2" },
  ]);
  await givenDecision(gated, { runId: ok, at: new Date(Date.parse(iso(59_500))) });
  await givenDecision(gated, { runId: failed, at: new Date(Date.parse(iso(39_800))), outcome: "DENY" });
  await givenDecision(gated, { runId: failed, at: new Date(Date.parse(iso(39_700))), outcome: "DENY" });
  return { gated, ok, failed, running };
}

describe("listWorkflowRuns", () => {
  it("lists runs newest first with status, duration, events, decisions and denials", async () => {
    const t = await givenRuns();
    const page = await list(t.gated.owner, t.gated.workflow.id);
    expect(runIds(page)).toEqual([t.running, t.failed, t.ok]);
    const [running, failed, ok] = page.items;
    expect(ok).toMatchObject({ status: "SUCCEEDED", durationMs: 10_000, events: 3, decisions: 1, denials: 0, endedAt: iso(50_000) });
    expect(failed).toMatchObject({ status: "FAILED", durationMs: 500, events: 2, decisions: 2, denials: 2 });
    // Still running: measured to its last event so far.
    expect(running).toMatchObject({ status: "RUNNING", endedAt: null, durationMs: 1_000, events: 2, decisions: 0 });
  });

  it("filters by status and pages by start without repeats", async () => {
    const t = await givenRuns();
    expect(runIds(await list(t.gated.owner, t.gated.workflow.id, { status: "FAILED" }))).toEqual([t.failed]);
    expect(runIds(await list(t.gated.owner, t.gated.workflow.id, { status: "RUNNING" }))).toEqual([t.running]);
    const first = await list(t.gated.owner, t.gated.workflow.id, { limit: 2 });
    expect(runIds(first)).toEqual([t.running, t.failed]);
    const second = await list(t.gated.owner, t.gated.workflow.id, { limit: 2, cursor: first.nextCursor! });
    expect(runIds(second)).toEqual([t.ok]);
    expect(second.nextCursor).toBeNull();
    await expect(list(t.gated.owner, t.gated.workflow.id, { cursor: "eyJhdCI6MX0" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("keeps other owners out: not found, with no data", async () => {
    const t = await givenRuns();
    await expect(list(await givenUser(["OWNER"]), t.gated.workflow.id)).rejects.toMatchObject({ code: "not_found" });
    expect(runIds(await list(await givenUser(["APPROVER"]), t.gated.workflow.id))).toHaveLength(3);
  });

  it("reads the window only", async () => {
    const gated = await givenGatedWorkflow();
    const old = name("old");
    await givenEvents(gated, [{ runId: old, type: "run_started", occurredAt: iso(3 * 86_400_000) }]);
    expect(runIds(await list(gated.owner, gated.workflow.id, { window: "24h" }))).toEqual([]);
    expect(runIds(await list(gated.owner, gated.workflow.id))).toEqual([old]);
  });
});
