import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZScreenResponse, type TScreenResponse } from "@/lib/contracts/screen";
import { TOKEN_FORMATS, seededRandom } from "@/test/fixtures/dlp/synthetic-values";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";

const CLAUDE = "anthropic/claude-sonnet-4-5/2025-09-29";
const GPT = "openai/gpt-4.1/2025-04-14";
const CARD = "4242 4242 4242 4242";
const GITHUB = TOKEN_FORMATS.github!(seededRandom(5));

let server: TRuntimeTestServer;
let refunds: string;
let triage: string;

beforeAll(async () => {
  server = await startRuntimeTestServer();
  refunds = await server.mintToken();
  triage = await server.mintToken({ workflowKey: "ticket-triage" });
});
afterAll(async () => server.stop());

const post = (token: string, body: string | Blob, type = "application/json") =>
  fetch(`${server.url}/api/v1/screen`, { method: "POST", headers: { "content-type": type, authorization: `Bearer ${token}` }, body });
const screen = async (token: string, body: Record<string, unknown>): Promise<TScreenResponse> => {
  const res = await post(token, JSON.stringify({ runId: "run-screen", ...body }));
  expect(res.status).toBe(200);
  return ZScreenResponse.parse(await res.json());
};
const recorded = async (id: string) => {
  await server.door.gate.decisionLog.flush();
  return server.db.decision.findFirst({ where: { id } });
};
type TProblem = { status: number; code: string; detail: string; errors?: { path: string }[] };

describe("POST /api/v1/screen", () => {
  it("redacts a credential, keeps what the workflow declares for an approved model, and records the screening", async () => {
    const content = `Customer ada@example.com paid with ${CARD}; the deploy token ${GITHUB} leaked in the ticket.`;
    const result = await screen(refunds, { model: CLAUDE, content, kind: "tool_result" });
    expect(result.outcome).toBe("redact");
    expect(result.content).toBe(
      `Customer ada@example.com paid with ${CARD}; the deploy token [REDACTED:github-token] leaked in the ticket.`,
    );
    expect(result.redactions).toBe(1);
    expect(result.classes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tag: "CREDENTIALS", kinds: ["github-token"], declared: false, action: "redact" }),
        expect.objectContaining({ tag: "PCI", declared: true, sensitivity: "RESTRICTED", modelApproved: true, action: "allow" }),
        expect.objectContaining({ tag: "PII", declared: true, modelApproved: true, action: "allow" }),
      ]),
    );
    const row = await recorded(result.screeningId);
    expect(row).toMatchObject({ tool: "tollgate.screen", outcome: "ALLOW", runId: "run-screen", model: CLAUDE });
    expect(row?.dataClasses.sort()).toEqual(["payment-cards", "support-tickets"]);
    expect(JSON.stringify(row)).not.toContain(GITHUB);
  });

  it("denies card data the workflow does not declare, sends nothing back, and says so without the number", async () => {
    const result = await screen(triage, { model: GPT, content: { ticket: { body: `card ${CARD}`, from: "ada@example.com" } } });
    expect(result).toMatchObject({ outcome: "deny", content: null, reasons: [{ rule: 5, code: "dlp_undeclared_class" }] });
    expect(result.classes.find((c) => c.tag === "PII")).toMatchObject({ declared: true, action: "allow" });
    expect(JSON.stringify(result)).not.toMatch(/4242|ada@/);
    expect(await recorded(result.screeningId)).toMatchObject({ outcome: "DENY", tool: "tollgate.screen" });
  });

  it("screens JSON, keys included, and allows content with nothing to remove unchanged", async () => {
    const content = { customer: { email: "ada@example.com", password: "hunter2!x" }, "ada@example.org": 1 };
    const result = await screen(refunds, { model: CLAUDE, content });
    expect(result.content).toEqual({ customer: { email: "ada@example.com", password: "[REDACTED:password]" }, "ada@example.org": 1 });
    const clean = await screen(refunds, { model: CLAUDE, content: { note: "Refund order ORD-2024-000123 on 2024-03-15" } });
    expect(clean).toMatchObject({
      outcome: "allow",
      classes: [],
      redactions: 0,
      content: { note: "Refund order ORD-2024-000123 on 2024-03-15" },
    });
  });

  it("denies a model the workflow does not list, and one whose kill switch is engaged", async () => {
    expect(await screen(refunds, { model: GPT, content: "hello" })).toMatchObject({
      outcome: "deny",
      reasons: [{ code: "model_not_approved" }],
    });
    const id = await server.engage({ scope: "MODEL", target: CLAUDE, reason: "provider incident" });
    try {
      const halted = await screen(refunds, { model: CLAUDE, content: "hello" });
      expect(halted).toMatchObject({ outcome: "deny", reasons: [{ code: "kill_switch_engaged" }] });
    } finally {
      await server.release(id);
    }
  });

  it("answers bad input with precise problem+json", async () => {
    const problem = async (res: Response, status: number): Promise<TProblem> => {
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      return (await res.json()) as TProblem;
    };
    expect((await problem(await post(refunds, JSON.stringify({ runId: "r", content: "x" })), 400)).errors?.[0]?.path).toBe("body.model");
    expect((await problem(await post(refunds, '{"runId":'), 400)).detail).toMatch(/not valid JSON/);
    const utf8 = new Blob([Buffer.from(`{"runId":"r","model":"${CLAUDE}","content":"`), new Uint8Array([0xff, 0xfe]), Buffer.from('"}')]);
    expect((await problem(await post(refunds, utf8), 400)).detail).toMatch(/not valid UTF-8/);
    const deep = `{"runId":"r","model":"${CLAUDE}","content":${'{"a":'.repeat(200)}1${"}".repeat(200)}}`;
    expect((await problem(await post(refunds, deep), 400)).detail).toMatch(/deeper than/);
    const big = JSON.stringify({ runId: "r", model: CLAUDE, content: "x".repeat(1024 * 1024) });
    expect((await problem(await post(refunds, big), 413)).code).toBe("payload_too_large");
    expect((await problem(await post(refunds, "hello", "text/plain"), 415)).code).toBe("unsupported_media_type");
    const ingestOnly = await server.mintToken({ scopes: ["INGEST"] });
    expect((await problem(await post(ingestOnly, JSON.stringify({ runId: "r", model: CLAUDE, content: "x" })), 403)).code).toBe(
      "forbidden",
    );
  });
});
