import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { untilWaitingOnLocks } from "@/test/support/locks";
import { runAudited } from "../audit/run-audited";
import { createDb, db } from "../db/client";
import { engageKillSwitch } from "./engage-kill-switch";
import { lockKillSwitchTarget } from "./lock-kill-switch-target";
import { actorFor, auditOf, engage, givenCatalogEntries, givenPendingApproval, givenUser, givenWorkflow } from "@/test/fixtures/killswitch";

const raw = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => raw.end());

const engagedRows = (scope: "GLOBAL" | "WORKFLOW" | "TOOL" | "MODEL" | "PROVIDER", target: string) =>
  db.killSwitch.findMany({ where: { scope, target, releasedAt: null } });

describe("engaging a kill switch", () => {
  it("halts each scope's registry target at once, audited in the same transaction", async () => {
    const security = await givenUser(["SECURITY"]);
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow(owner, "Refund by hand from the billing console");
    const { toolKey, modelRef, provider } = await givenCatalogEntries();
    const targets = [
      ["WORKFLOW", workflow.key],
      ["TOOL", toolKey],
      ["MODEL", modelRef],
      ["PROVIDER", provider],
    ] as const;
    for (const [scope, target] of targets) {
      const view = await engage(security, { scope, target, reason: `Incident on ${target}` });
      expect(view).toMatchObject({
        scope,
        target,
        reason: `Incident on ${target}`,
        engagedBy: { id: security.id },
        releasedAt: null,
        releaseRequestedBy: null,
      });
      expect((await auditOf(view.id)).map((e) => [e.action, e.actorId, e.data])).toEqual([
        ["killswitch.engaged", security.id, { scope, target, reason: `Incident on ${target}` }],
      ]);
    }
    const global = await engage(security, { scope: "GLOBAL", reason: "Prompt-injection campaign in progress" });
    expect(global).toMatchObject({ scope: "GLOBAL", target: "*", workflow: null });
    expect(await engagedRows("GLOBAL", "*")).toHaveLength(1);
  });

  it("shows the halted workflow's runbook with a WORKFLOW switch", async () => {
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow(owner, "Route refunds to the billing queue");
    const view = await engage(owner, { scope: "WORKFLOW", target: workflow.key, reason: "Refunding twice" });
    expect(view.workflow).toEqual({
      id: workflow.id,
      key: workflow.key,
      name: "Fixture workflow",
      runbook: "Route refunds to the billing queue",
    });
  });

  it("refuses a target the registry does not know, naming it, and stores nothing", async () => {
    const security = await givenUser(["SECURITY"]);
    const { provider } = await givenCatalogEntries();
    const field = (message: RegExp) => ({
      code: "validation_failed",
      fieldProblems: [{ path: "body.target", message: expect.stringMatching(message) }],
    });
    await expect(engage(security, { scope: "TOOL", target: "no.such.tool", reason: "Testing" })).rejects.toMatchObject(
      field(/No tool .* "no\.such\.tool"/),
    );
    await expect(engage(security, { scope: "MODEL", target: `${provider}/large/9`, reason: "Testing" })).rejects.toMatchObject(
      field(/No approved model is .*\/large\/9/),
    );
    await expect(engage(security, { scope: "MODEL", target: "just-a-name", reason: "Testing" })).rejects.toMatchObject(
      field(/provider\/model\/version/),
    );
    await expect(engage(security, { scope: "PROVIDER", target: "nobody", reason: "Testing" })).rejects.toMatchObject(
      field(/provider named "nobody"/),
    );
    await expect(engage(security, { scope: "WORKFLOW", target: "wf-missing", reason: "Testing" })).rejects.toMatchObject({
      code: "not_found",
      detail: 'The workflow "wf-missing" was not found',
    });
    expect(await db.killSwitch.count({ where: { target: { in: ["no.such.tool", "nobody", "wf-missing", "just-a-name"] } } })).toBe(0);
  });

  it("lets an OWNER halt only their own workflows: another's is not found, other scopes are forbidden", async () => {
    const owner = await givenUser(["OWNER"]);
    const other = await givenUser(["OWNER"]);
    const theirs = await givenWorkflow(other);
    const { toolKey } = await givenCatalogEntries();
    await expect(engage(owner, { scope: "WORKFLOW", target: theirs.key, reason: "Not mine" })).rejects.toMatchObject({
      code: "not_found",
      detail: `The workflow "${theirs.key}" was not found`,
    });
    await expect(engage(owner, { scope: "TOOL", target: toolKey, reason: "Not mine" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(engage(owner, { scope: "GLOBAL", reason: "Not mine" })).rejects.toMatchObject({ code: "forbidden" });
    for (const roles of [["APPROVER"], ["AUDITOR"]] as const) {
      await expect(
        engage(await givenUser([...roles]), { scope: "WORKFLOW", target: theirs.key, reason: "Not mine" }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await db.killSwitch.count({ where: { target: { in: [theirs.key, toolKey] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "killswitch.engaged", actorId: owner.id } })).toBe(0);
    const admin = await givenUser(["ADMIN"]);
    await expect(engage(admin, { scope: "WORKFLOW", target: theirs.key, reason: "Admins halt anything" })).resolves.toMatchObject({
      engagedBy: { id: admin.id },
    });
  });

  it("refuses to engage what is already engaged, naming the engaged switch", async () => {
    const security = await givenUser(["SECURITY"]);
    const { toolKey } = await givenCatalogEntries();
    const first = await engage(security, { scope: "TOOL", target: toolKey, reason: "Leaking data" });
    await expect(engage(await givenUser(["ADMIN"]), { scope: "TOOL", target: toolKey, reason: "Again" })).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining(`kill switch ${first.id}, by ${security.email}`),
    });
    expect(await engagedRows("TOOL", toolKey)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "killswitch.engaged", data: { path: ["target"], equals: toolKey } } })).toBe(1);
  });

  it("lets exactly one of two concurrent engages of the same target through", async () => {
    const [a, b] = [await givenUser(["SECURITY"]), await givenUser(["SECURITY"])];
    const { toolKey } = await givenCatalogEntries();
    // Hold the target's lock so both engages queue on it before either looks for an engaged switch.
    const { settled, finishedWhileLocked } = await db.$transaction(async (tx) => {
      await lockKillSwitchTarget({ tx, scope: "TOOL", target: toolKey });
      let finished = false;
      const both = Promise.allSettled([
        engage(a, { scope: "TOOL", target: toolKey, reason: "First halt" }),
        engage(b, { scope: "TOOL", target: toolKey, reason: "Second halt" }),
      ]);
      void both.then(() => (finished = true));
      await untilWaitingOnLocks({ pool: raw, count: 2, settled: both });
      // Wrapped, so the transaction commits (releasing the lock) without waiting for them.
      return { settled: both, finishedWhileLocked: finished };
    });
    expect(finishedWhileLocked, "both engages waited on the target's lock").toBe(false);
    const results = await settled;
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(await engagedRows("TOOL", toolKey)).toHaveLength(1);
  });

  it("leaves neither a switch nor an audit row when its transaction fails", async () => {
    const security = await givenUser(["SECURITY"]);
    const { toolKey } = await givenCatalogEntries();
    const failing = runAudited(db, async (tx) => {
      await engageKillSwitch({ tx, actor: actorFor(security), input: { scope: "TOOL", target: toolKey, reason: "Then it fails" } });
      throw new Error("a later step of the same change failed");
    });
    await expect(failing).rejects.toThrow("a later step");
    expect(await db.killSwitch.count({ where: { target: toolKey } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "killswitch.engaged", actorId: security.id } })).toBe(0);
  });

  it("cancels the pending approvals the halt covers, and only those, in the same transaction", async () => {
    const owner = await givenUser(["OWNER"]);
    const security = await givenUser(["SECURITY"]);
    const [halted, running] = [await givenWorkflow(owner), await givenWorkflow(owner)];
    const { toolKey, modelRef, provider } = await givenCatalogEntries();
    const covered = await givenPendingApproval({ workflowId: halted.id, tool: "stripe.refund", model: "acme/large/2" });
    const elsewhere = await givenPendingApproval({ workflowId: running.id, tool: "stripe.refund", model: "acme/large/2" });
    const viaProvider = await givenPendingApproval({ workflowId: running.id, tool: toolKey, model: modelRef });

    const view = await engage(owner, { scope: "WORKFLOW", target: halted.key, reason: "Refunding twice" });
    await engage(security, { scope: "PROVIDER", target: provider, reason: "Provider breach" });
    const status = async (id: string) => (await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status;
    expect([await status(covered.id), await status(elsewhere.id), await status(viaProvider.id)]).toEqual([
      "CANCELLED",
      "PENDING",
      "CANCELLED",
    ]);
    const cancellation = await db.auditEvent.findFirstOrThrow({ where: { action: "approval.cancelled", targetId: covered.id } });
    const engaged = (await auditOf(view.id))[0];
    // Same transaction, same commit: the two rows are adjacent in the chain.
    expect(cancellation.seq).toBe((engaged?.seq ?? 0n) + 1n);
  });

  it("survives a restart: a fresh client reads it as engaged", async () => {
    const security = await givenUser(["SECURITY"]);
    const { toolKey } = await givenCatalogEntries();
    const view = await engage(security, { scope: "TOOL", target: toolKey, reason: "Persist me" });
    const fresh = createDb(process.env.DATABASE_URL ?? "");
    try {
      const engaged = await fresh.killSwitch.findMany({
        where: { releasedAt: null },
        select: { id: true, scope: true, target: true, reason: true, engagedAt: true },
      });
      expect(engaged).toContainEqual({
        id: view.id,
        scope: "TOOL",
        target: toolKey,
        reason: "Persist me",
        engagedAt: new Date(view.engagedAt),
      });
    } finally {
      await fresh.$disconnect();
    }
  });
});
