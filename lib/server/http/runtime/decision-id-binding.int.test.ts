import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationHub } from "@/lib/server/db/notifications";
import { sqlPool } from "@/lib/server/db/pool";
import { RuntimeGate } from "@/lib/server/decisions/runtime/runtime-gate";
import { AppError } from "@/lib/server/errors";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";

let server: TRuntimeTestServer;
let token: string;

beforeAll(async () => {
  server = await startRuntimeTestServer();
  token = await server.mintToken();
});
afterAll(async () => server.stop());

const MODEL = "anthropic/claude-sonnet-4-5/2025-09-29";
const read = (ticketId: string) => ({
  runId: "run-1",
  model: MODEL,
  dataClasses: ["support-tickets"],
  tool: "zendesk.ticket.read",
  arguments: { ticketId },
});
const refund = {
  runId: "run-1",
  model: MODEL,
  dataClasses: ["payment-cards"],
  tool: "stripe.refund",
  arguments: { chargeId: "ch_1", amount: 12_000, currency: "USD" },
};
const decide = (body: Record<string, unknown>, bearer = token) =>
  fetch(`${server.url}/api/v1/decisions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
type TProblem = { status: number; code: string; detail: string };

async function expectConflict(res: Response, ...texts: string[]): Promise<void> {
  expect(res.status).toBe(409);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const problem = (await res.json()) as TProblem;
  expect(problem.code).toBe("conflict");
  for (const text of texts) expect(problem.detail).toContain(text);
}

describe("a decisionId is bound to the call it was decided for", () => {
  it("answers the very same call again with the first answer", async () => {
    const decisionId = randomUUID();
    const first = await (await decide({ decisionId, ...read("ZD-1") })).text();
    const again = await decide({ decisionId, ...read("ZD-1") });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(first);
  });

  it("refuses the id for another tool (409 naming the first tool) and opens nothing", async () => {
    const decisionId = randomUUID();
    expect((await decide({ decisionId, ...read("ZD-2") })).status).toBe(200);
    const approvalsBefore = await server.db.approvalRequest.count();
    await expectConflict(
      await decide({ decisionId, ...refund }),
      `decisionId ${decisionId} was already used for a call to zendesk.ticket.read, not stripe.refund`,
      "use a fresh decisionId",
    );
    expect(await server.db.approvalRequest.count()).toBe(approvalsBefore);
  });

  it.each([
    ["other arguments", { arguments: { ticketId: "ZD-other" } }, "with other arguments"],
    ["another run", { runId: "run-2" }, 'in run "run-1", not "run-2"'],
    ["another model", { model: "openai/gpt-4.1/2025-04-14" }, `by model ${MODEL}`],
    ["other data classes", { dataClasses: [] }, "with data classes [support-tickets], not []"],
  ])("refuses the id for %s", async (_what, change, text) => {
    const decisionId = randomUUID();
    expect((await decide({ decisionId, ...read("ZD-3") })).status).toBe(200);
    await expectConflict(await decide({ decisionId, ...read("ZD-3"), ...change }), text);
  });

  it("refuses the id for another token of the same workflow, and for another workflow without telling it the call", async () => {
    const decisionId = randomUUID();
    expect((await decide({ decisionId, ...read("ZD-4") })).status).toBe(200);
    await expectConflict(await decide({ decisionId, ...read("ZD-4") }, await server.mintToken()), "made with another service token");
    const other = await server.mintToken({ workflowKey: "vendor-payments" });
    const res = await decide({ decisionId, ...read("ZD-4") }, other);
    expect(res.status).toBe(409);
    expect(((await res.json()) as TProblem).detail).toBe(
      `decisionId ${decisionId} was already used by another workflow; use a fresh decisionId for a different call`,
    );
  });

  describe("after a restart (a new gate on the same database: the recorded row is the reference)", () => {
    let gate: RuntimeGate;
    beforeAll(async () => {
      gate = await RuntimeGate.start({ db: server.db, pool: sqlPool(), hub: notificationHub() });
    });
    afterAll(async () => gate.stop());
    const principal = () => gate.tokens.authenticate(`Bearer ${token}`, "DECIDE");
    const decideAfterRestart = async (body: typeof refund | ReturnType<typeof read>, decisionId: string) =>
      JSON.parse((await gate.decide(await principal(), { ...body, decisionId })).toString()) as {
        outcome: string;
        approvalId?: string;
        tool: string;
      };

    it("refuses a T0 read's id for a refund, opening no approval", async () => {
      const decisionId = randomUUID();
      expect((await decide({ decisionId, ...read("ZD-5") })).status).toBe(200);
      await server.door.gate.decisionLog.flush();
      const approvalsBefore = await server.db.approvalRequest.count();
      const refused = await decideAfterRestart(refund, decisionId).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({
        code: "conflict",
        detail: expect.stringContaining("was already used for a call to zendesk.ticket.read, not stripe.refund"),
      });
      expect(await server.db.approvalRequest.count()).toBe(approvalsBefore);
    });

    it("answers a T3 decision's very same call from the record (same approval), and refuses other arguments", async () => {
      const decisionId = randomUUID();
      const first = (await (await decide({ decisionId, ...refund })).json()) as { outcome: string; approvalId: string };
      expect(first.outcome).toBe("require_approval");
      const again = await decideAfterRestart(refund, decisionId);
      expect(again).toMatchObject({ outcome: "require_approval", approvalId: first.approvalId });
      expect(await server.db.approvalRequest.count({ where: { decisionId } })).toBe(1);
      const refused = await decideAfterRestart({ ...refund, arguments: { ...refund.arguments, amount: 99_000 } }, decisionId).catch(
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ code: "conflict", detail: expect.stringContaining("with other arguments") });
    });

    it("records apart, never loses, a T0 call that reused an id this gate could not know", async () => {
      const decisionId = randomUUID();
      expect((await decide({ decisionId, ...read("ZD-6") })).status).toBe(200);
      await server.door.gate.decisionLog.flush();
      // Decided on its own merits (never with another call's answer); its record is the failure row.
      expect(await decideAfterRestart(read("ZD-other"), decisionId)).toMatchObject({ outcome: "allow", tool: "zendesk.ticket.read" });
      await gate.decisionLog.flush();
      expect(await server.db.decisionRecordFailure.count({ where: { decisionId } })).toBe(1);
      expect(await server.db.decision.findFirstOrThrow({ where: { id: decisionId } })).toMatchObject({ tool: "zendesk.ticket.read" });
    });
  });
});
