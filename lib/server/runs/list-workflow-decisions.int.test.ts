import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZWorkflowDecisionsQuery, type TWorkflowDecisionsQuery } from "@/lib/contracts/runs";
import { givenGatedWorkflow, givenUser } from "@/test/fixtures/approvals";
import { givenDecision, REASONS } from "@/test/fixtures/runs";
import type { TSessionUser } from "../authz/principal";
import { listWorkflowDecisions } from "./list-workflow-decisions";

const NOW = new Date();
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const list = (user: TSessionUser, workflowId: string, query: TWorkflowDecisionsQuery = {}) =>
  listWorkflowDecisions({ user, workflowId, query: ZWorkflowDecisionsQuery.parse(query), now: NOW });
const ids = (page: { items: { id: string }[] }) => page.items.map((d) => d.id);

async function givenTraffic() {
  const gated = await givenGatedWorkflow();
  const runA = `run-${randomUUID().slice(0, 8)}`;
  const runB = `run-${randomUUID().slice(0, 8)}`;
  const allowed = await givenDecision(gated, { runId: runA, at: ago(5_000) });
  const denied = await givenDecision(gated, {
    runId: runA,
    at: ago(4_000),
    outcome: "DENY",
    tool: "crm.delete",
    reasons: [REASONS.toolNotAllowed, REASONS.dlp],
  });
  const dlp = await givenDecision(gated, { runId: runB, at: ago(3_000), outcome: "DENY", tool: "kb.search", reasons: [REASONS.dlp] });
  const gatedCall = await givenDecision(gated, {
    runId: runB,
    at: ago(2_000),
    outcome: "REQUIRE_APPROVAL",
    tool: "stripe.refund",
    reasons: [REASONS.approvalRequired],
  });
  const old = await givenDecision(gated, { runId: runA, at: ago(8 * 86_400_000) });
  return { gated, runA, runB, allowed, denied, dlp, gatedCall, old };
}

describe("listWorkflowDecisions", () => {
  it("lists the window's decisions newest first, with the deciding reason, tier and run", async () => {
    const t = await givenTraffic();
    const page = await list(t.gated.owner, t.gated.workflow.id);
    expect(ids(page)).toEqual([t.gatedCall.id, t.dlp.id, t.denied.id, t.allowed.id]);
    expect(page.items[1]).toMatchObject({
      runId: t.runB,
      tool: "kb.search",
      outcome: "DENY",
      reason: { code: "dlp_undeclared_class", rule: 5, message: REASONS.dlp.message },
      tier: "T0",
    });
    expect(page.nextCursor).toBeNull();
    // Older than the default 7 days only with a wider window.
    expect(ids(await list(t.gated.owner, t.gated.workflow.id, { window: "30d" }))).toContain(t.old.id);
    expect(ids(await list(t.gated.owner, t.gated.workflow.id, { window: "24h" }))).not.toContain(t.old.id);
  });

  it("filters by outcome, reason code, tool and run, together", async () => {
    const t = await givenTraffic();
    const as = (query: TWorkflowDecisionsQuery) => list(t.gated.owner, t.gated.workflow.id, query).then(ids);
    expect(await as({ outcome: "DENY" })).toEqual([t.dlp.id, t.denied.id]);
    expect(await as({ reason: "tool_not_allowed" })).toEqual([t.denied.id]);
    expect(await as({ reason: "approval_required" })).toEqual([t.gatedCall.id]);
    // The deciding reason is the first one, as the roll-ups count it.
    expect(await as({ reason: "dlp_undeclared_class" })).toEqual([t.dlp.id]);
    expect(await as({ tool: "kb.search" })).toEqual([t.dlp.id, t.allowed.id]);
    expect(await as({ runId: t.runA })).toEqual([t.denied.id, t.allowed.id]);
    expect(await as({ runId: t.runB, outcome: "DENY" })).toEqual([t.dlp.id]);
    expect(await as({ outcome: "ALLOW", tool: "stripe.refund" })).toEqual([]);
    // A GET form's blank select means "any".
    expect(await as({ outcome: "" as never, tool: "" })).toHaveLength(4);
  });

  it("pages by (decided_at, id) without repeating or skipping rows that share an instant", async () => {
    const gated = await givenGatedWorkflow();
    const at = ago(60_000);
    const same = await Promise.all(Array.from({ length: 4 }, () => givenDecision(gated, { runId: "run-same", at })));
    const newer = await givenDecision(gated, { runId: "run-same", at: ago(1_000) });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(gated.owner, gated.workflow.id, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const tied = same
      .map((d) => d.id)
      .sort()
      .reverse();
    expect(seen).toEqual([newer.id, ...tied]);
    await expect(list(gated.owner, gated.workflow.id, { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("finds nothing of another owner's workflow (not found), and shows every workflow to those who read all", async () => {
    const t = await givenTraffic();
    const stranger = await givenUser(["OWNER"]);
    await expect(list(stranger, t.gated.workflow.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(list(t.gated.owner, randomUUID())).rejects.toMatchObject({ code: "not_found" });
    expect(await list(await givenUser(["AUDITOR"]), t.gated.workflow.id).then(ids)).toHaveLength(4);
    expect(await list(await givenUser(["SECURITY"]), t.gated.workflow.id).then(ids)).toHaveLength(4);
  });

  it("refuses unknown filter values and unknown filters by name, as the route answers them (400)", () => {
    // The route answers each issue as a field problem at `query.<path>` (lib/server/http/parse-input).
    const refused = (query: Record<string, string>) => {
      const parsed = ZWorkflowDecisionsQuery.safeParse(query);
      if (parsed.success) throw new Error("accepted");
      return parsed.error.issues.map((issue) => (issue.path.length ? ["query", ...issue.path].join(".") : issue.message));
    };
    expect(refused({ outcome: "MAYBE" })).toEqual(["query.outcome"]);
    expect(refused({ reason: "because" })).toEqual(["query.reason"]);
    expect(refused({ window: "1y" })).toEqual(["query.window"]);
    expect(refused({ limit: "100000" })).toEqual(["query.limit"]);
    expect(refused({ outcom: "DENY" })).toEqual([expect.stringContaining('"outcom"')]);
  });
});
