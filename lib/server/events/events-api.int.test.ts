import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";

let server: TRuntimeTestServer;
let token: string;

beforeAll(async () => {
  server = await startRuntimeTestServer();
  token = await server.mintToken();
});
afterAll(async () => server.stop());

type TBatchAnswer = {
  stored: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
  results: { index: number; status: string; problems?: { path: string; message: string }[] }[];
};

const send = (body: unknown, bearer = token) =>
  fetch(`${server.url}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const event = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  runId: "run-e1",
  type: "tool_call",
  occurredAt: new Date().toISOString(),
  tool: "zendesk.ticket.read",
  data: {},
  ...overrides,
});
const stored = () => server.db.runEvent.count();

describe("POST /api/v1/events", () => {
  it("stores a batch once: a retried batch adds nothing and reports duplicates", async () => {
    const events = [
      event({ type: "run_started", runId: "run-a" }),
      event({ runId: "run-a" }),
      event({ type: "run_ended", runId: "run-a", outcome: "success" }),
    ];
    const first = (await (await send({ events })).json()) as TBatchAnswer;
    expect(first).toMatchObject({ stored: 3, duplicates: 0, rejected: 0 });
    const before = await stored();
    const retry = (await (await send({ events })).json()) as TBatchAnswer;
    expect(retry).toMatchObject({ stored: 0, duplicates: 3, rejected: 0 });
    expect(await stored()).toBe(before);
    const run = await server.db.run.findUniqueOrThrow({
      where: { workflowKey_externalId: { workflowKey: "support-refunds", externalId: "run-a" } },
    });
    expect(run).toMatchObject({ eventCount: 3, status: "SUCCEEDED" });
    expect(run.endedAt).not.toBeNull();
    expect(await server.db.runEvent.count({ where: { runId: run.id } })).toBe(3);
  });

  it("redacts credentials and personal data before anything is stored", async () => {
    const id = randomUUID();
    const data = {
      prompt: "Refund jane.doe@example.com, card 4111 1111 1111 1111",
      output: "used key sk-live-51HxxTESTabcdefghijklmnopqrstuvwx",
    };
    await send({ events: [event({ id, data })] });
    const row = await server.db.runEvent.findFirstOrThrow({ where: { workflowKey: "support-refunds", id } });
    const text = JSON.stringify(row.data);
    expect(text).not.toContain("jane.doe@example.com");
    expect(text).not.toContain("4111 1111 1111 1111");
    expect(row.redactions).toBeGreaterThanOrEqual(2);
  });

  it("rejects bad items one by one and keeps the rest", async () => {
    const good = event();
    const answer = (await (
      await send({ events: [good, { ...event(), id: "not-a-uuid" }, { ...event(), type: "teleport" }] })
    ).json()) as TBatchAnswer;
    expect(answer).toMatchObject({ stored: 1, rejected: 2 });
    expect(answer.results[1]?.problems?.[0]).toMatchObject({ path: "events.1.id" });
    expect(answer.results[2]?.problems?.[0]).toMatchObject({ path: "events.2.type" });
    expect(await server.db.runEvent.findFirst({ where: { workflowKey: "support-refunds", id: good.id } })).not.toBeNull();
  });

  it("scopes ids to the workflow: another workflow's id is stored, not answered duplicate", async () => {
    const id = randomUUID();
    const triage = await server.mintToken({ workflowKey: "ticket-triage" });
    const mine = (await (await send({ events: [event({ id, runId: "run-scope" })] })).json()) as TBatchAnswer;
    const theirs = (await (await send({ events: [event({ id, runId: "run-scope" })] }, triage)).json()) as TBatchAnswer;
    expect(mine).toMatchObject({ stored: 1, duplicates: 0 });
    expect(theirs).toMatchObject({ stored: 1, duplicates: 0, conflicts: 0 });
    const rows = await server.db.runEvent.findMany({
      where: { id },
      select: { workflowKey: true, run: { select: { workflowKey: true } } },
      orderBy: { workflowKey: "asc" },
    });
    expect(rows).toEqual([
      { workflowKey: "support-refunds", run: { workflowKey: "support-refunds" } },
      { workflowKey: "ticket-triage", run: { workflowKey: "ticket-triage" } },
    ]);
  });

  it("answers conflict, per item, for an id resent with other content, keeps what was stored, and duplicate for the same content", async () => {
    const original = event({ runId: "run-c", data: { prompt: "refund ZD-1" } });
    await send({ events: [original] });
    const before = await stored();
    const altered = { ...original, data: { prompt: "refund ZD-2" } };
    const fresh = event({ runId: "run-c" });
    // Key order is not content: the same event with its keys reordered is a duplicate.
    const reordered = Object.fromEntries(Object.entries(original).reverse());
    const answer = (await (await send({ events: [altered, fresh, reordered] })).json()) as TBatchAnswer;
    expect(answer).toMatchObject({ stored: 1, duplicates: 1, conflicts: 1, rejected: 0 });
    expect(answer.results.map((r) => r.status)).toEqual(["conflict", "stored", "duplicate"]);
    expect(answer.results[0]?.problems).toEqual([
      {
        path: "events.0.id",
        message: `Event ${original.id} of workflow support-refunds was already received with other content, which is kept: give a new event a new id`,
      },
    ]);
    expect(await stored()).toBe(before + 1);
    const row = await server.db.runEvent.findFirstOrThrow({ where: { workflowKey: "support-refunds", id: original.id } });
    expect(row.data).toEqual({ prompt: "refund ZD-1" });
  });

  it("tells a repeat within one batch apart the same way", async () => {
    const first = event({ runId: "run-d" });
    const answer = (await (await send({ events: [first, { ...first }, { ...first, outcome: "failure" }] })).json()) as TBatchAnswer;
    expect(answer.results.map((r) => r.status)).toEqual(["stored", "duplicate", "conflict"]);
    expect(answer).toMatchObject({ stored: 1, duplicates: 1, conflicts: 1 });
  });

  it("records an unregistered workflow key as a shadow workflow, and refuses another registered workflow's key", async () => {
    const answer = (await (
      await send({ events: [event({ workflowKey: "invoice-bot-x", tool: "netsuite.bill.pay" }), event({ workflowKey: "ticket-triage" })] })
    ).json()) as TBatchAnswer;
    expect(answer.results.map((r) => r.status)).toEqual(["stored", "rejected"]);
    expect(answer.results[1]?.problems?.[0]?.message).toContain("reports with its own token");
    const shadow = await server.db.shadowWorkflow.findUniqueOrThrow({ where: { key: "invoice-bot-x" } });
    expect(shadow).toMatchObject({ seenCount: 1, lastTool: "netsuite.bill.pay" });
  });

  it("stores concurrent batches that share runs, whatever order each lists them in", async () => {
    // Two agents of one workflow report on the same runs at once, each in its own order.
    const runIds = Array.from({ length: 200 }, (_, i) => `run-shared-${i}`);
    for (let round = 0; round < 3; round++) {
      const batches = [runIds, runIds.toReversed()].map((ids) => ids.map((runId) => event({ runId })));
      const answers = await Promise.all(batches.map(async (events) => ({ status: (await send({ events })).status })));
      expect(answers).toEqual([{ status: 200 }, { status: 200 }]);
    }
    const run = await server.db.run.findUniqueOrThrow({
      where: { workflowKey_externalId: { workflowKey: "support-refunds", externalId: "run-shared-0" } },
    });
    expect(run.eventCount).toBe(6);
  });

  describe("bad batches get a precise problem and store nothing", () => {
    it.each([
      ["malformed JSON", () => send("{"), 400, "not valid JSON"],
      ["an empty batch", () => send({ events: [] }), 400, "at least one event"],
      ["a batch over 1,000", () => send({ events: Array.from({ length: 1001 }, () => event()) }), 400, "at most 1000 events"],
      ["no events field", () => send({ items: [] }), 400, "body.events"],
    ])("%s", async (_what, request, status, text) => {
      const before = await stored();
      const res = await request();
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(JSON.stringify(await res.json())).toContain(text);
      expect(await stored()).toBe(before);
    });

    it("refuses a token without the ingest scope", async () => {
      const decideOnly = await server.mintToken({ scopes: ["DECIDE"] });
      const res = await send({ events: [event()] }, decideOnly);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toContain("ingest scope");
    });
  });
});
