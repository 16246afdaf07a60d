import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudited } from "@/lib/server/audit/run-audited";
import { voteOnApproval } from "@/lib/server/approvals/vote-on-approval";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";
import { until } from "@/test/support/until";
import { LEASE_MS } from "./get-kill-switch-stream";

let server: TRuntimeTestServer;
let token: string;

beforeAll(async () => {
  server = await startRuntimeTestServer();
  token = await server.mintToken();
});
afterAll(async () => server.stop());

const MODEL = "anthropic/claude-sonnet-4-5/2025-09-29";
const call = {
  runId: "run-env",
  tool: "email.send",
  arguments: { to: "a@example.com", subject: "s", body: "b" },
  dataClasses: ["support-tickets"],
  model: MODEL,
};
const send = (method: string, path: string, bearer: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const prefixOf = (secret: string) => secret.split("_")[1];
const revoke = (secret: string) =>
  server.db.serviceToken.updateMany({ where: { prefix: prefixOf(secret) }, data: { revokedAt: new Date() } });

async function openApproval(): Promise<string> {
  const res = await send("POST", "/api/v1/approvals", token, call);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function approve(id: string) {
  const user = await server.user("approver@tollgate.local");
  await runAudited(server.db, (tx) =>
    voteOnApproval(tx, {
      actor: { type: "user", id: user.id, label: user.email, requestId: null },
      user,
      id,
      vote: { vote: "APPROVE", reason: "checked" },
    }),
  );
}

/** The stream's events, one at a time; `ended` once the gate closed it. */
async function openStream(bearer: string) {
  const res = await fetch(`${server.url}/api/v1/killswitch/stream`, { headers: { authorization: `Bearer ${bearer}` } });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  const next = async (): Promise<{ event: string; data: Record<string, unknown> } | "ended"> => {
    for (;;) {
      const end = buffered.indexOf("\n\n");
      if (end !== -1) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        return {
          event: /^event: (.*)$/m.exec(block)?.[1] ?? "message",
          data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "{}") as Record<string, unknown>,
        };
      }
      const { value, done } = await reader.read();
      if (done) return "ended";
      buffered += value;
    }
  };
  return { res, next, cancel: () => reader.cancel() };
}

describe("a token of another environment than its workflow's", () => {
  it("is refused alike, 403 naming both environments, by every run-time route, the approval wait included", async () => {
    const approvalId = await openApproval();
    // Created before creation refused a mismatch: it must still be refused at use.
    const staging = await server.mintToken({ environment: "STAGING" });
    const routes: [string, string, unknown][] = [
      ["POST", "/api/v1/decisions", { ...call, tool: "zendesk.ticket.read", arguments: { ticketId: "ZD-1" } }],
      [
        "POST",
        "/api/v1/events",
        { events: [{ id: "env-1", runId: "run-env", type: "run_started", occurredAt: new Date().toISOString() }] },
      ],
      ["POST", "/api/v1/approvals", call],
      ["GET", `/api/v1/approvals/${approvalId}`, undefined],
      ["GET", `/api/v1/approvals/${approvalId}?waitSeconds=5`, undefined],
      ["GET", "/api/v1/killswitch/stream", undefined],
    ];
    for (const [method, path, body] of routes) {
      const res = await send(method, path, staging, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem, `${method} ${path}`).toMatchObject({
        code: "forbidden",
        detail: "This service token is for STAGING, but workflow support-refunds runs in PROD; use a PROD token",
      });
      expect(JSON.stringify(problem)).not.toContain("a@example.com");
    }
  });
});

describe("a token revoked or expired while in use", () => {
  it("gets 401 when its approval wait wakes, not the approval's state", async () => {
    const approvalId = await openApproval();
    const waiter = await server.mintToken();
    const waiting = send("GET", `/api/v1/approvals/${approvalId}?waitSeconds=20`, waiter);
    await revoke(waiter);
    // Revocation reached this gate once a fresh request with the token is refused.
    await until(async () => (await send("GET", `/api/v1/approvals/${approvalId}`, waiter)).status === 401, {
      what: "the revocation NOTIFY",
    });
    await approve(approvalId);
    const res = await waiting;
    expect(res.status).toBe(401);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem).toMatchObject({ code: "unauthenticated", detail: "The service token has been revoked" });
  });

  it("has its kill-switch stream ended with `closed` within one lease of the revocation, instead of heartbeats", async () => {
    const holder = await server.mintToken();
    const stream = await openStream(holder);
    expect(await stream.next()).toMatchObject({ event: "state" });
    const revokedAt = Date.now();
    await revoke(holder);
    const after: string[] = [];
    for (;;) {
      const event = await stream.next();
      if (event === "ended") break;
      after.push(event.event);
      if (event.event === "closed")
        expect(event.data).toMatchObject({ code: "unauthenticated", detail: "The service token has been revoked" });
    }
    expect(Date.now() - revokedAt).toBeLessThan(LEASE_MS);
    expect(after.at(-1)).toBe("closed");
    // At most the heartbeats already on their way when the NOTIFY landed.
    expect(after.filter((e) => e === "heartbeat").length).toBeLessThanOrEqual(2);
  });

  it("has its kill-switch stream ended with `closed` within one lease of its expiry", async () => {
    const expiresAt = new Date(Date.now() + 1_500);
    const holder = await server.mintToken({ expiresAt });
    const stream = await openStream(holder);
    expect(await stream.next()).toMatchObject({ event: "state" });
    let last: { event: string; data: Record<string, unknown> } | null = null;
    for (;;) {
      const event = await stream.next();
      if (event === "ended") break;
      last = event;
    }
    expect(Date.now() - expiresAt.getTime()).toBeLessThan(LEASE_MS);
    expect(last).toMatchObject({ event: "closed", data: { code: "unauthenticated", detail: expect.stringContaining("expired") } });
  });
});
