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

const post = (path: string, text: string) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: text,
  });
const call = (extra: string) =>
  `{"runId":"run-edge","tool":"zendesk.ticket.read","model":"anthropic/claude-sonnet-4-5/2025-09-29","dataClasses":["support-tickets"],${extra}}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
const counts = async () => {
  await server.door.gate.decisionLog.flush();
  return {
    decisions: await server.db.decision.count(),
    approvals: await server.db.approvalRequest.count(),
    events: await server.db.runEvent.count(),
  };
};
type TProblem = { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };
const problemOf = async (res: Response): Promise<TProblem> => {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as TProblem;
};

describe("the front door's edge checks", () => {
  it("refuses a decision whose runId holds a NUL, naming the field, and records nothing", async () => {
    const before = await counts();
    const res = await post(
      "/api/v1/decisions",
      call('"arguments":{},"decisionId":"' + randomUUID() + '"').replace('"run-edge"', '"run\\u0000edge"'),
    );
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual([
      { path: "body.runId", message: "Contains a NUL character (U+0000), which cannot be stored" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses an unpaired surrogate in arguments, keys included", async () => {
    const res = await post("/api/v1/decisions", call('"arguments":{"note":"\\ud800"}'));
    expect((await problemOf(res)).errors?.[0]).toMatchObject({
      path: "body.arguments.note",
      message: expect.stringMatching(/unpaired UTF-16 surrogate/),
    });
    const key = await post("/api/v1/decisions", call('"arguments":{"\\udfffk":1}'));
    expect((await problemOf(key)).errors?.[0]).toMatchObject({
      path: "body.arguments",
      message: expect.stringMatching(/^A key of this object contains an unpaired/),
    });
  });

  it("answers arguments nested 5,000 and 10,000 deep with a 400 naming the limit, for decisions and approvals", async () => {
    const before = await counts();
    for (const path of ["/api/v1/decisions", "/api/v1/approvals"]) {
      for (const depth of [65, 5_000, 10_000]) {
        const res = await post(path, call(`"arguments":${deepObject(depth)}`));
        expect(res.status, `${path} at ${depth}`).toBe(400);
        const problem = await problemOf(res);
        expect(problem.detail).toMatch(/deeper than 64 levels/);
        expect(JSON.stringify(problem)).not.toMatch(/call stack/i);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("still decides arguments nested right up to the limit", async () => {
    const res = await post("/api/v1/decisions", call(`"arguments":${deepObject(62)}`));
    expect(res.status).toBe(200);
  });

  it("rejects a run event holding a NUL on its own and stores the others", async () => {
    const good = {
      id: randomUUID(),
      runId: "run-edge-events",
      type: "tool_call",
      occurredAt: new Date().toISOString(),
      tool: "zendesk.ticket.read",
    };
    const bad = { ...good, id: randomUUID(), data: { prompt: "hello\u0000" } };
    const surrogate = { ...good, id: randomUUID(), runId: "run-\ud800" };
    const res = await post("/api/v1/events", JSON.stringify({ events: [good, bad, surrogate] }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      stored: number;
      rejected: number;
      results: { index: number; status: string; problems?: { path: string; message: string }[] }[];
    };
    expect(body).toMatchObject({ stored: 1, rejected: 2 });
    expect(body.results[1]).toMatchObject({
      status: "rejected",
      problems: [{ path: "events.1.data.prompt", message: "Contains a NUL character (U+0000), which cannot be stored" }],
    });
    expect(body.results[2]).toMatchObject({
      status: "rejected",
      problems: [{ path: "events.2.runId", message: expect.stringMatching(/unpaired/) }],
    });
    expect(await server.db.runEvent.findFirst({ where: { id: good.id } })).not.toBeNull();
    expect(await server.db.runEvent.findFirst({ where: { id: bad.id } })).toBeNull();
  });

  it("refuses a NUL or bad percent-encoding in an approval id, and in its query", async () => {
    const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await problemOf(await get("/api/v1/approvals/abc%00"))).errors?.[0]?.path).toBe("params.id");
    expect((await problemOf(await get("/api/v1/approvals/%E0%A4%A"))).code).toBe("bad_request");
    expect((await problemOf(await get(`/api/v1/approvals/${randomUUID()}?waitSeconds=1%00`))).errors?.[0]?.path).toBe("query.waitSeconds");
  });
});
