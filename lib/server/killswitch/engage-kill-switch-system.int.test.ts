import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAuditActor } from "@/lib/contracts/audit";
import { until } from "@/test/support/until";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";
import { runAudited } from "../audit/run-audited";
import { awaitKillSwitchPropagation } from "./await-kill-switch-propagation";
import { confirmKillSwitchRelease } from "./confirm-kill-switch-release";
import { engageKillSwitch } from "./engage-kill-switch";
import { listKillSwitches } from "./list-kill-switches";
import { requestKillSwitchRelease } from "./request-kill-switch-release";

// Tollgate itself halts a workflow (as a breaker will): no signed-in person, no user row.
const BREAKER: TAuditActor = { type: "system", id: null, label: "breaker support-refunds error rate", requestId: null };
const CALL = {
  runId: "run-1",
  tool: "zendesk.ticket.read",
  arguments: { ticketId: "ZD-7" },
  dataClasses: ["support-tickets"],
  model: "anthropic/claude-sonnet-4-5/2025-09-29",
};

let server: TRuntimeTestServer;
let token: string;

beforeAll(async () => {
  server = await startRuntimeTestServer();
  token = await server.mintToken();
});
afterAll(() => server.stop());

async function decide(): Promise<{ outcome: string; reasons: { code: string }[] }> {
  const res = await fetch(`${server.url}/api/v1/decisions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...CALL, decisionId: randomUUID() }),
  });
  return (await res.json()) as { outcome: string; reasons: { code: string }[] };
}

const actorOf = (u: { id: string; email: string }): TAuditActor => ({ type: "user", id: u.id, label: u.email, requestId: null });

describe("a kill switch engaged by Tollgate itself", () => {
  it("halts with no person, is recorded as the system, and still takes two Security people to release", async () => {
    expect((await decide()).outcome).toBe("allow");

    const { id } = await runAudited(server.db, (tx) =>
      engageKillSwitch({
        tx,
        actor: BREAKER,
        input: { scope: "WORKFLOW", target: "support-refunds", reason: "Error rate above 20% for 5 minutes" },
      }),
    );
    expect(await awaitKillSwitchPropagation({ db: server.db, killSwitchId: id })).toMatchObject({ complete: true });
    expect(await decide()).toMatchObject({ outcome: "deny", reasons: [{ code: "kill_switch_engaged" }] });

    expect(await server.db.killSwitch.findUniqueOrThrow({ where: { id } })).toMatchObject({
      engagedById: null,
      engagedByType: "system",
      engagedByLabel: "breaker support-refunds error rate",
    });
    const audit = await server.db.auditEvent.findMany({ where: { targetType: "kill_switch", targetId: id } });
    expect(audit.map((e) => [e.action, e.actorType, e.actorId, e.actorLabel])).toEqual([
      ["killswitch.engaged", "system", null, "breaker support-refunds error rate"],
    ]);

    const ciso = await server.user("ciso@tollgate.local");
    const { killSwitches } = await listKillSwitches({ user: ciso, query: { state: "engaged", limit: 50 } });
    expect(killSwitches.find((ks) => ks.id === id)).toMatchObject({
      engagedBy: null,
      engagedByType: "system",
      engagedByLabel: "breaker support-refunds error rate",
    });

    await runAudited(server.db, (tx) =>
      requestKillSwitchRelease({ tx, actor: actorOf(ciso), user: ciso, id, reason: "Vendor fixed the refunds API" }),
    );
    await expect(
      runAudited(server.db, (tx) => confirmKillSwitchRelease({ tx, actor: actorOf(ciso), user: ciso, id })),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await decide()).outcome).toBe("deny");

    const security = await server.user("security@tollgate.local");
    const released = await runAudited(server.db, (tx) => confirmKillSwitchRelease({ tx, actor: actorOf(security), user: security, id }));
    expect(released).toMatchObject({ engagedByType: "system", releaseRequestedBy: { id: ciso.id }, releasedBy: { id: security.id } });
    await until(async () => (await decide()).outcome === "allow", { what: "the gate to allow once the switch is released" });
  });

  it("refuses an anonymous engager and leaves nothing behind", async () => {
    const anonymous: TAuditActor = { type: "anonymous", id: null, label: "anonymous", requestId: null };
    const engaging = runAudited(server.db, (tx) =>
      engageKillSwitch({ tx, actor: anonymous, input: { scope: "GLOBAL", reason: "Nobody in particular" } }),
    );
    await expect(engaging).rejects.toMatchObject({ code: "forbidden" });
    expect(await server.db.killSwitch.count({ where: { scope: "GLOBAL", releasedAt: null } })).toBe(0);
  });

  it("is refused by the database when a non-person's switch names a user", async () => {
    const ciso = await server.user("ciso@tollgate.local");
    const inserting = server.db.killSwitch.create({
      data: {
        scope: "TOOL",
        target: "email.send",
        reason: "A forged engager",
        engagedById: ciso.id,
        engagedByType: "system",
        engagedByLabel: "breaker",
      },
    });
    await expect(inserting).rejects.toThrow(/kill_switches_engaged_by_check/);
  });
});
