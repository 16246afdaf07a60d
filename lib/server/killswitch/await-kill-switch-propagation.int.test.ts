import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";
import { NotificationHub } from "../db/notifications";
import { RuntimeGate } from "../decisions/runtime/runtime-gate";
import { awaitKillSwitchPropagation } from "./await-kill-switch-propagation";

// Two gates on one database, as two app instances: the test server's (over HTTP) and a second one
// with its own LISTEN connection and pool, asked in-process.
let server: TRuntimeTestServer;
let second: RuntimeGate;
let secondHub: NotificationHub;
let secondPool: pg.Pool;
let token: string;

beforeAll(async () => {
  server = await startRuntimeTestServer();
  token = await server.mintToken();
  secondPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  secondHub = new NotificationHub(process.env.DATABASE_URL ?? "");
  second = await RuntimeGate.start({ db: server.db, pool: secondPool, hub: secondHub });
});
afterAll(async () => {
  await second.stop();
  await secondHub.close();
  await secondPool.end();
  await server.stop();
});

const CALL = {
  runId: "run-1",
  tool: "zendesk.ticket.read",
  arguments: { ticketId: "ZD-7" },
  dataClasses: ["support-tickets"],
  model: "anthropic/claude-sonnet-4-5/2025-09-29",
};
const liveGates = () => server.db.gateInstance.count({ where: { vouching: true, seenAt: { gt: new Date(Date.now() - 3_000) } } });

async function decideOnBoth(): Promise<unknown[]> {
  const overHttp = await fetch(`${server.url}/api/v1/decisions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...CALL, decisionId: randomUUID() }),
  }).then((r) => r.json());
  const principal = await second.tokens.authenticate(`Bearer ${token}`, "DECIDE");
  const inProcess = JSON.parse((await second.decide(principal, { ...CALL, decisionId: randomUUID() })).toString()) as unknown;
  return [overHttp, inProcess];
}

describe("an engage's propagation to every gate", () => {
  it("answers once both gates hold the switch, after which both deny", async () => {
    expect(await liveGates()).toBe(2);
    expect((await decideOnBoth()).map((d) => (d as { outcome: string }).outcome)).toEqual(["allow", "allow"]);

    const id = await server.engage({ scope: "WORKFLOW", target: "support-refunds" });
    expect(await awaitKillSwitchPropagation({ db: server.db, killSwitchId: id })).toEqual({ gates: 2, confirmed: 2, complete: true });
    // No waiting here: each gate acknowledged only once it denies.
    for (const decision of await decideOnBoth()) {
      expect(decision).toMatchObject({ outcome: "deny", reasons: [{ rule: 1, code: "kill_switch_engaged" }] });
    }
    expect(await server.db.killSwitchAck.count({ where: { killSwitchId: id } })).toBe(2);
    await server.release(id);
  });

  it("keeps waiting for a live gate that has not acknowledged, then says how far it got; silent or non-vouching gates do not count", async () => {
    const silent = randomUUID();
    await server.db.gateInstance.createMany({
      data: [
        { id: silent, host: "stuck-gate:1", vouching: true },
        { id: randomUUID(), host: "cannot-vouch:2", vouching: false },
        { id: randomUUID(), host: "gone:3", vouching: true, seenAt: new Date(Date.now() - 60_000) },
      ],
    });
    const id = await server.engage({ scope: "TOOL", target: "email.send" });
    const started = Date.now();
    expect(await awaitKillSwitchPropagation({ db: server.db, killSwitchId: id, timeoutMs: 400 })).toEqual({
      gates: 3,
      confirmed: 2,
      complete: false,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    // Once the silent gate stops announcing itself it drops out, and the engage is complete.
    await server.db.gateInstance.update({ where: { id: silent }, data: { seenAt: new Date(Date.now() - 60_000) } });
    expect(await awaitKillSwitchPropagation({ db: server.db, killSwitchId: id, timeoutMs: 400 })).toEqual({
      gates: 2,
      confirmed: 2,
      complete: true,
    });
    await server.release(id);
  });
});
