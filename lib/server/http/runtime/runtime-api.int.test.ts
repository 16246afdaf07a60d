import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";
import { until } from "@/test/support/until";

let server: TRuntimeTestServer;
let token: string;

beforeAll(async () => {
  server = await startRuntimeTestServer();
  token = await server.mintToken();
});
afterAll(async () => server.stop());

const post = (path: string, body: unknown, bearer = token, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
// A streamed body goes out chunked, with no Content-Length for the gate to check up front.
const postChunked = (path: string, text: string) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: new Blob([text]).stream(),
    duplex: "half",
  } as RequestInit);
const decide = (body: Record<string, unknown>, bearer = token) =>
  post(
    "/api/v1/decisions",
    { runId: "run-1", model: "anthropic/claude-sonnet-4-5/2025-09-29", dataClasses: ["support-tickets"], ...body },
    bearer,
  );
// After a flush: an earlier test's T0/T1 rows may still wait in the group commit, and counting
// before they land made a later count look like this test stored one.
const decisionsStored = async () => {
  await server.door.gate.decisionLog.flush();
  return Number((await server.db.decision.count()).toString());
};

describe("POST /api/v1/decisions", () => {
  it("allows a T0 read and records it (group commit)", async () => {
    const decisionId = randomUUID();
    const res = await decide({ decisionId, tool: "zendesk.ticket.read", arguments: { ticketId: "ZD-1" } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { outcome: string; registryVersion: string; reasons: { code: string }[] };
    expect(body).toMatchObject({ outcome: "allow", tier: "T0", workflowKey: "support-refunds" });
    expect(body.registryVersion).toMatch(/^r\d+\.v\d+$/);
    const row = await until(() => server.db.decision.findFirst({ where: { id: decisionId } }), { what: "the recorded decision" });
    expect(row).toMatchObject({ outcome: "ALLOW", tool: "zendesk.ticket.read", runId: "run-1", registryVersion: body.registryVersion });
  });

  it("answers a retried decision id from the first answer instead of deciding again", async () => {
    const decisionId = randomUUID();
    const first = await (await decide({ decisionId, tool: "zendesk.ticket.read", arguments: { ticketId: "ZD-2" } })).json();
    const again = await (await decide({ decisionId, tool: "zendesk.ticket.read", arguments: { ticketId: "ZD-2" } })).json();
    expect(again).toEqual(first);
  });

  it("opens an approval bound to the arguments for a T3 refund, durable before the answer", async () => {
    const decisionId = randomUUID();
    const res = await decide({
      decisionId,
      tool: "stripe.refund",
      arguments: { chargeId: "ch_1", amount: 12_000, currency: "USD" },
      dataClasses: ["payment-cards"],
    });
    const body = (await res.json()) as { outcome: string; approvalId: string; approvalsRequired: number; argumentsHash: string };
    expect(body).toMatchObject({ outcome: "require_approval", tier: "T3", approvalsRequired: 2 });
    // No waiting: a T2/T3 decision is committed before it is answered.
    const row = await server.db.decision.findFirst({ where: { id: decisionId } });
    expect(row).toMatchObject({ outcome: "REQUIRE_APPROVAL", approvalId: body.approvalId });
    const approval = await server.db.approvalRequest.findUniqueOrThrow({ where: { id: body.approvalId } });
    expect(approval).toMatchObject({ status: "PENDING", argumentsHash: body.argumentsHash, approvalsRequired: 2, tool: "stripe.refund" });
  });

  it("denies a catalog tool that is not on the workflow's allowlist (rule 3) and records it", async () => {
    const decisionId = randomUUID();
    const body = (await (await decide({ decisionId, tool: "s3.object.delete", arguments: { bucket: "b", key: "k" } })).json()) as {
      outcome: string;
      reasons: { rule: number; code: string }[];
    };
    expect(body.outcome).toBe("deny");
    expect(body.reasons[0]).toMatchObject({ rule: 3, code: "tool_not_allowed" });
    await until(() => server.db.decision.findFirst({ where: { id: decisionId } }), { what: "the recorded deny" });
  });

  it("denies once a kill switch covering the workflow is engaged, and allows again after release", async () => {
    const id = await server.engage({ scope: "WORKFLOW", target: "support-refunds", reason: "refund storm" });
    await until(() => server.door.gate.killSwitches.engaged({ scope: "WORKFLOW", target: "support-refunds" }), {
      what: "the engage to land",
    });
    const halted = (await (await decide({ tool: "zendesk.ticket.read", arguments: { ticketId: "ZD-3" } })).json()) as {
      outcome: string;
      reasons: { code: string; message: string }[];
    };
    expect(halted.outcome).toBe("deny");
    expect(halted.reasons[0]).toMatchObject({ code: "kill_switch_engaged" });
    expect(halted.reasons[0]?.message).toContain("refund storm");
    await server.release(id);
    await until(() => !server.door.gate.killSwitches.engaged({ scope: "WORKFLOW", target: "support-refunds" }), {
      what: "the release to land",
    });
    const resumed = (await (await decide({ tool: "zendesk.ticket.read", arguments: { ticketId: "ZD-3" } })).json()) as { outcome: string };
    expect(resumed.outcome).toBe("allow");
  });

  it("holds a per workflow × tool rate limit leased from Postgres", async () => {
    const token2 = await server.mintToken({ workflowKey: "vendor-payments" });
    const call = () =>
      decide({ tool: "netsuite.payment.create", arguments: { vendorId: "v1", amount: 10 }, dataClasses: ["payment-cards"] }, token2).then(
        (r) => r.json() as Promise<{ outcome: string; reasons: { code: string }[]; retryAfterSeconds?: number }>,
      );
    const answers = await Promise.all([call(), call(), call()]);
    const limited = answers.filter((a) => a.reasons[0]?.code === "rate_limited");
    // vendor-payments may create 2 payments a minute: the third is refused with a retry time.
    expect(limited).toHaveLength(1);
    expect(limited[0]?.retryAfterSeconds).toBeGreaterThan(0);
    const windows = await server.db.rateLimitWindow.findMany();
    expect(windows.some((w) => w.used === 2)).toBe(true);
  });

  describe("bad input gets a precise problem and stores nothing", () => {
    it.each([
      ["malformed JSON", () => post("/api/v1/decisions", "{not json"), 400, "not valid JSON"],
      ["an unknown tool", () => decide({ tool: "no.such.tool", arguments: {} }), 400, "No tool in the catalog"],
      ["a missing run id", () => post("/api/v1/decisions", { tool: "kb.search", arguments: {}, model: "a/b/c" }), 400, "invalid fields"],
      ["no token", () => post("/api/v1/decisions", {}, ""), 401, "Bearer"],
      [
        "an oversized body sent without a length (chunked)",
        () => postChunked("/api/v1/decisions", `{"pad":"${"x".repeat(1_100_000)}"}`),
        413,
        "exceeds the limit of 1048576 bytes",
      ],
    ])("%s", async (_what, send, status, text) => {
      const before = await decisionsStored();
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(JSON.stringify(await res.json())).toContain(text);
      expect(await decisionsStored()).toBe(before);
    });

    it("refuses a token without the decide scope, an expired, a revoked and another environment's token", async () => {
      const ingestOnly = await server.mintToken({ scopes: ["INGEST"] });
      const expired = await server.mintToken({ expiresAt: new Date(Date.now() - 1000) });
      const staging = await server.mintToken({ environment: "STAGING" });
      const revoked = await server.mintToken();
      await server.db.serviceToken.updateMany({
        where: { prefix: revoked.split("_")[1] },
        data: { revokedAt: new Date(Date.now() - 1000) },
      });
      const before = await decisionsStored();
      const cases: [string, number, string][] = [
        [ingestOnly, 403, "lacks the decide scope"],
        [expired, 401, "expired"],
        [revoked, 401, "revoked"],
        [staging, 403, "is for STAGING"],
      ];
      for (const [bearer, status, text] of cases) {
        const res = await decide({ tool: "zendesk.ticket.read", arguments: { ticketId: "ZD-9" } }, bearer);
        expect(res.status, text).toBe(status);
        expect(((await res.json()) as { detail: string }).detail).toContain(text);
      }
      expect(await decisionsStored()).toBe(before);
    });

    it("answers 405 with Allow for a wrong method", async () => {
      const res = await fetch(`${server.url}/api/v1/decisions`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("POST");
    });
  });
});

describe("rule 9 with an approval", () => {
  const refund = { chargeId: "ch_9", amount: 12_000, currency: "USD" };
  const approve = async (id: string, email: string) => {
    const { runAudited } = await import("@/lib/server/audit/run-audited");
    const { voteOnApproval } = await import("@/lib/server/approvals/vote-on-approval");
    const user = await server.user(email);
    await runAudited(server.db, (tx) =>
      voteOnApproval(tx, {
        actor: { type: "user", id: user.id, label: user.email, requestId: null },
        user,
        id,
        vote: { vote: "APPROVE", reason: "checked the charge" },
      }),
    );
  };
  type TAnswer = { outcome: string; approvalId?: string; reasons: { rule: number; code: string }[] };
  const ask = async (args: Record<string, unknown>, approvalId?: string) =>
    (await (
      await decide({ tool: "stripe.refund", arguments: args, dataClasses: ["payment-cards"], ...(approvalId ? { approvalId } : {}) })
    ).json()) as TAnswer;

  it("allows once with an approval granted for these exact arguments, never for others, never twice", async () => {
    const opened = await ask(refund);
    const id = opened.approvalId!;
    expect((await ask(refund, id)).reasons[0]).toMatchObject({ rule: 9, code: "approval_pending" });
    await approve(id, "approver@tollgate.local");
    await approve(id, "approver2@tollgate.local");
    const larger = await ask({ ...refund, amount: 42_000 }, id);
    expect(larger).toMatchObject({ outcome: "deny", reasons: [{ rule: 9, code: "approval_arguments_mismatch" }] });
    expect(await ask(refund, id)).toMatchObject({ outcome: "allow", reasons: [{ rule: 9, code: "approval_granted" }] });
    expect(await ask(refund, id)).toMatchObject({ outcome: "deny", reasons: [{ rule: 9, code: "approval_already_used" }] });
  });

  it("opens a request through POST /api/v1/approvals and answers the wait when it is decided", async () => {
    const res = await post("/api/v1/approvals", {
      runId: "run-9",
      tool: "email.send",
      arguments: { to: "a@example.com", subject: "s", body: "b" },
      dataClasses: ["support-tickets"],
      model: "anthropic/claude-sonnet-4-5/2025-09-29",
    });
    expect(res.status).toBe(201);
    const state = (await res.json()) as { id: string; status: string; approvalsRequired: number };
    expect(state).toMatchObject({ status: "PENDING", approvalsRequired: 1 });
    const waiting = fetch(`${server.url}/api/v1/approvals/${state.id}?waitSeconds=20`, { headers: { authorization: `Bearer ${token}` } });
    await approve(state.id, "approver@tollgate.local");
    const decided = (await (await waiting).json()) as { status: string };
    expect(decided.status).toBe("APPROVED");
  });
});
