import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZRunTimelineQuery, type TRunTimelineQuery, type TTimelineEntry } from "@/lib/contracts/runs";
import { givenApprovers, givenGatedWorkflow, givenUser } from "@/test/fixtures/approvals";
import { givenApprovalFor, givenDecision, givenEvents, givenVote } from "@/test/fixtures/runs";
import type { TSessionUser } from "../authz/principal";
import { getRunTimeline } from "./get-run-timeline";

const at = (msAgo: number) => new Date(Date.now() - msAgo);
const timeline = (user: TSessionUser, workflowId: string, runId: string, query: TRunTimelineQuery = {}) =>
  getRunTimeline({ user, workflowId, runId, query: ZRunTimelineQuery.parse(query) });
const labelOf = (e: TTimelineEntry) =>
  e.kind === "event"
    ? e.type
    : e.kind === "decision"
      ? `decision ${e.decision.outcome}`
      : e.kind === "approval_vote"
        ? `vote ${e.vote}`
        : e.kind;

/** A refund run: started by a person's ticket, a read, a denied call, a T3 refund approved by two people, then run and ended. */
async function givenRefundRun() {
  const gated = await givenGatedWorkflow();
  const runId = `run-${randomUUID().slice(0, 8)}`;
  const t0 = Date.now() - 600_000;
  const iso = (offset: number) => new Date(t0 + offset).toISOString();
  await givenEvents(gated, [
    { runId, type: "run_started", occurredAt: iso(0), data: { trigger: "zendesk ticket 4821", requestedBy: "jane.doe@example.com" } },
    { runId, type: "model_call", occurredAt: iso(1_000), model: "acme/large/2", latencyMs: 850 },
  ]);
  await givenDecision(gated, { runId, at: new Date(t0 + 2_000), tool: "kb.search" });
  await givenEvents(gated, [
    { runId, type: "tool_call", occurredAt: iso(2_100), tool: "kb.search" },
    { runId, type: "tool_result", occurredAt: iso(2_400), tool: "kb.search", outcome: "success", latencyMs: 300 },
  ]);
  await givenDecision(gated, { runId, at: new Date(t0 + 3_000), outcome: "DENY", tool: "crm.delete" });
  const { approvalId, decisionId } = await givenApprovalFor(gated, { runId, at: new Date(t0 + 4_000) });
  const [first, second] = await givenApprovers(2);
  await givenVote(first!, approvalId, "APPROVE", "Duplicate charge confirmed in Stripe", new Date(t0 + 5_000));
  await givenVote(second!, approvalId, "APPROVE", "Amount matches the ticket", new Date(t0 + 6_000));
  await givenEvents(gated, [
    { runId, type: "tool_result", occurredAt: iso(7_000), tool: "stripe.refund", outcome: "success", latencyMs: 1200 },
    { runId, type: "error", occurredAt: iso(8_000), data: { message: "email bounced" } },
    { runId, type: "run_ended", occurredAt: iso(9_000), outcome: "success" },
  ]);
  return { gated, runId, approvalId, decisionId, first: first!, second: second! };
}

describe("getRunTimeline", () => {
  it("tells the run in time order: trigger, decisions, the approval with each vote, calls and results, the end", async () => {
    const r = await givenRefundRun();
    const view = await timeline(r.gated.owner, r.gated.workflow.id, r.runId);
    expect(view.entries.map(labelOf)).toEqual([
      "run_started",
      "model_call",
      "decision ALLOW",
      "tool_call",
      "tool_result",
      "decision DENY",
      // Decided, then the request it opened, in the same instant.
      "decision REQUIRE_APPROVAL",
      "approval_requested",
      "vote APPROVE",
      "vote APPROVE",
      "approval_resolved",
      "tool_result",
      "error",
      "run_ended",
    ]);
    expect(view.run).toMatchObject({ runId: r.runId, status: "SUCCEEDED", events: 7 });
    // Who triggered it, redacted as stored: the requester's e-mail never reaches the page.
    expect(view.run.trigger?.data).toMatchObject({ trigger: "zendesk ticket 4821" });
    expect(JSON.stringify(view.run.trigger)).not.toContain("jane.doe@example.com");
    const votes = view.entries.filter((e) => e.kind === "approval_vote");
    expect(votes.map((v) => [v.voter.email, v.reason])).toEqual([
      [r.first.email, "Duplicate charge confirmed in Stripe"],
      [r.second.email, "Amount matches the ticket"],
    ]);
    expect(view.entries.find((e) => e.kind === "approval_requested")).toMatchObject({
      approvalId: r.approvalId,
      decisionId: r.decisionId,
      tier: "T3",
      approvalsRequired: 2,
      status: "APPROVED",
    });
    expect(JSON.stringify(view.entries)).not.toContain("jane.doe@example.com");
    expect(view.entries.find((e) => e.kind === "decision" && e.decision.outcome === "DENY")).toMatchObject({
      decision: { reason: { code: "tool_not_allowed" }, tool: "crm.delete" },
    });
    expect(view.nextCursor).toBeNull();
  });

  it("pages a long run: the pages together are the whole timeline, once", async () => {
    const r = await givenRefundRun();
    const whole = await timeline(r.gated.owner, r.gated.workflow.id, r.runId);
    const paged: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await timeline(r.gated.owner, r.gated.workflow.id, r.runId, { limit: 3, cursor });
      expect(page.entries.length).toBeLessThanOrEqual(3);
      paged.push(...page.entries.map((e) => e.key));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(paged).toEqual(whole.entries.map((e) => e.key));
    await expect(timeline(r.gated.owner, r.gated.workflow.id, r.runId, { cursor: "bm9wZQ" })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("shows a run that only asked the gate, and refuses a run nobody reported", async () => {
    const gated = await givenGatedWorkflow();
    const runId = `run-${randomUUID().slice(0, 8)}`;
    const same = at(5_000);
    const a = await givenDecision(gated, { runId, at: same, outcome: "DENY" });
    const b = await givenDecision(gated, { runId, at: same, outcome: "DENY" });
    const view = await timeline(gated.owner, gated.workflow.id, runId);
    expect(view.run).toMatchObject({ status: null, startedAt: null, events: 0, trigger: null });
    expect(view.entries.map((e) => e.key)).toEqual([`d:${a.id}`, `d:${b.id}`].sort());
    await expect(timeline(gated.owner, gated.workflow.id, "run-never")).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps another owner's runs out: not found, with no data", async () => {
    const r = await givenRefundRun();
    await expect(timeline(await givenUser(["OWNER"]), r.gated.workflow.id, r.runId)).rejects.toMatchObject({ code: "not_found" });
    // The same run id under another workflow is not this run.
    const other = await givenGatedWorkflow();
    await expect(timeline(other.owner, other.workflow.id, r.runId)).rejects.toMatchObject({ code: "not_found" });
    expect((await timeline(await givenUser(["AUDITOR"]), r.gated.workflow.id, r.runId)).entries).toHaveLength(14);
  });
});
