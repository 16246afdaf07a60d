import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/server/db/check-health";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";
import { until } from "@/test/support/until";

let server: TRuntimeTestServer;
let token: string;

beforeAll(async () => {
  server = await startRuntimeTestServer();
  token = await server.mintToken();
});
afterAll(async () => server.stop());

const MODEL = "anthropic/claude-sonnet-4-5/2025-09-29";
const read = (decisionId: string, runId = "run-1") => ({
  decisionId,
  runId,
  model: MODEL,
  dataClasses: ["support-tickets"],
  tool: "zendesk.ticket.read",
  arguments: { ticketId: "ZD-1" },
});
const decide = (body: Record<string, unknown>) =>
  fetch(`${server.url}/api/v1/decisions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe("the gate's record", () => {
  it("records every other decision when one in the batch is refused by Postgres, and records that one's failure", async () => {
    const gate = server.door.gate;
    const ids = Array.from({ length: 400 }, () => randomUUID());
    const poisoned = randomUUID();
    // Straight into the gate, past the edge's checks: a NUL Postgres will not store (22P05).
    const principal = await gate.tokens.authenticate(`Bearer ${token}`, "DECIDE");
    const answers = await Promise.all([
      ...ids.slice(0, 200).map((id) => decide(read(id)).then((r) => r.status)),
      gate.decide(principal, read(poisoned, "run-\u0000-nul")).then(() => 200),
      ...ids.slice(200).map((id) => decide(read(id)).then((r) => r.status)),
    ]);
    expect(answers.every((status) => status === 200)).toBe(true);
    await gate.decisionLog.flush();

    expect(await server.db.decision.count({ where: { id: { in: ids } } })).toBe(ids.length);
    const failure = await server.db.decisionRecordFailure.findFirstOrThrow({ where: { decisionId: poisoned } });
    expect(failure).toMatchObject({ sqlstate: "22P05" });
    expect(Buffer.from(failure.payload).toString("utf8")).toContain('"run_id":"run-\\u0000-nul"');
    // And the log goes on: the next decision is recorded as usual.
    const after = randomUUID();
    expect((await decide(read(after))).status).toBe(200);
    await gate.decisionLog.flush();
    expect(await server.db.decision.findFirst({ where: { id: after } })).not.toBeNull();
    expect(gate.decisionLog.accepts()).toBe(true);
    expect((await checkHealth()).decisionRecording).toMatchObject({ status: "ok", refusedLastHour: 1 });
  });

  it("fails closed (503) and reports degraded health while Postgres refuses every write, and recovers once it takes them", async () => {
    const pool = server.db;
    expect(await checkHealth()).toMatchObject({ status: "ok", reasons: [], decisionRecording: { status: "ok", gatesFailing: 0 } });
    // What a REVOKE INSERT on decisions answers (42501), for every write.
    await pool.$executeRawUnsafe(
      `CREATE FUNCTION refuse_decisions() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'permission denied for table decisions' USING ERRCODE = '42501'; END $$`,
    );
    await pool.$executeRawUnsafe(
      `CREATE TRIGGER refuse_decisions BEFORE INSERT ON decisions FOR EACH STATEMENT EXECUTE FUNCTION refuse_decisions()`,
    );
    const held = randomUUID();
    try {
      // Answered: a T0 decision is recorded after its answer, within the bound.
      expect((await decide(read(held))).status).toBe(200);
      const refused = await until(
        async () => {
          const res = await decide(read(randomUUID()));
          return res.status === 503 ? res : null;
        },
        { what: "the gate to refuse decisions it cannot record", timeoutMs: 10_000 },
      );
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect(refused.headers.get("retry-after")).toBe("1");
      const problem = (await refused.json()) as { code: string; detail: string };
      expect(problem).toMatchObject({
        code: "unavailable",
        detail: "The gate cannot record decisions right now, so it denies every call; retry with the same decisionId",
      });

      const health = await until(async () => ((await checkHealth()).status === "degraded" ? checkHealth() : null), {
        what: "health to report it",
        timeoutMs: 5_000,
      });
      expect(health.decisionRecording).toMatchObject({ status: "failing", gatesFailing: 1 });
      expect(health.decisionRecording?.unrecordedDecisions).toBeGreaterThanOrEqual(1);
      expect(health.reasons.join(" ")).toMatch(
        /^1 gate cannot record decisions and deny every call \(\d+ decisions unrecorded\): Postgres refuses to record decisions for \d+ s/,
      );
      expect(await server.db.decision.findFirst({ where: { id: held } })).toBeNull();
    } finally {
      await pool.$executeRawUnsafe("DROP TRIGGER refuse_decisions ON decisions");
      await pool.$executeRawUnsafe("DROP FUNCTION refuse_decisions()");
    }
    await until(async () => (await decide(read(randomUUID()))).status === 200, {
      what: "decisions to be answered again",
      timeoutMs: 10_000,
    });
    await until(async () => (await checkHealth()).status === "ok", { what: "health to recover", timeoutMs: 5_000 });
    // Nothing held in memory was lost meanwhile.
    await server.door.gate.decisionLog.flush();
    expect(await server.db.decision.findFirst({ where: { id: held } })).toMatchObject({ tool: "zendesk.ticket.read" });
  });
});
