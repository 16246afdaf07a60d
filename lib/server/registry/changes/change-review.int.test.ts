import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ZPermissionEdit } from "@/lib/contracts/changes";
import type { TPermissionSet } from "@/lib/contracts/registry";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import { readPermissionSet } from "../permission-set/read-permission-set";
import { approveChangeRequest } from "./approve-change-request";
import { getChangeRequest } from "./get-change-request";
import { proposeWorkflowChange } from "./propose-workflow-change";
import { rejectChangeRequest } from "./reject-change-request";
import { actorFor, auditOf, BASE_SET, givenUser, givenWorkflow, WITH_REFUNDS } from "@/test/fixtures/registry-changes";
import { withdrawChangeRequest } from "./withdraw-change-request";
import { runAudited } from "../../audit/run-audited";
import { untilWaitingOnLocks } from "@/test/support/locks";

const raw = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => raw.end());

const propose = (user: TSessionUser, workflowId: string, permissions: TPermissionSet, expectedVersion = 1) =>
  runAudited(db, (tx) =>
    proposeWorkflowChange({ tx, actor: actorFor(user), user, workflowId, edit: ZPermissionEdit.parse({ permissions, expectedVersion }) }),
  );
const approve = (user: TSessionUser, id: string, reason = "Capped and rate-limited") =>
  runAudited(db, (tx) => approveChangeRequest({ tx, actor: actorFor(user), user, id, reason }));
const reject = (user: TSessionUser, id: string, reason = "Too broad") =>
  runAudited(db, (tx) => rejectChangeRequest({ tx, actor: actorFor(user), user, id, reason }));
const withdraw = (user: TSessionUser, id: string) => runAudited(db, (tx) => withdrawChangeRequest({ tx, actor: actorFor(user), user, id }));
const workflowRow = (id: string) => db.workflow.findUniqueOrThrow({ where: { id } });

async function givenPendingChange() {
  const owner = await givenUser(["OWNER"]);
  const security = await givenUser(["SECURITY"]);
  const workflow = await givenWorkflow({ owner, status: "ACTIVE" });
  const request = await propose(owner, workflow.id, WITH_REFUNDS);
  return { owner, security, workflow, request };
}

describe("proposing a change to an active workflow", () => {
  it("opens a change request with the frozen set and diff, and changes nothing", async () => {
    const { owner, workflow, request } = await givenPendingChange();
    expect(request).toMatchObject({
      status: "PENDING",
      subject: "WORKFLOW",
      baseVersion: 1,
      proposed: WITH_REFUNDS,
      requestedBy: { id: owner.id },
      stale: false,
    });
    expect(request.lines).toEqual([expect.stringMatching(/^\+ tool stripe\.refund/)]);
    expect(request.summary).toMatch(new RegExp(`^1 change to ${workflow.key}: \\+ tool stripe\\.refund`));
    expect(await readPermissionSet({ tx: db, workflowId: workflow.id })).toEqual(BASE_SET);
    expect((await workflowRow(workflow.id)).version).toBe(1);
    expect((await auditOf({ type: "change_request", id: request.id })).map((e) => e.action)).toEqual(["change_request.opened"]);
  });

  it("allows one pending request per workflow, naming the one that is pending", async () => {
    const { owner, workflow, request } = await givenPendingChange();
    await expect(propose(owner, workflow.id, { ...BASE_SET, dataClassKeys: [] })).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining(`/changes/${request.id}`),
    });
  });

  it("refuses a draft, which is edited directly", async () => {
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow({ owner });
    await expect(propose(owner, workflow.id, WITH_REFUNDS)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("is a draft"),
    });
  });
});

describe("reviewing a change request", () => {
  it("refuses the requester, even one who is also SECURITY", async () => {
    const both = await givenUser(["OWNER", "SECURITY"]);
    const workflow = await givenWorkflow({ owner: both, status: "ACTIVE" });
    const request = await propose(both, workflow.id, WITH_REFUNDS);
    await expect(approve(both, request.id)).rejects.toMatchObject({
      code: "forbidden",
      detail: expect.stringContaining("separation of duties"),
    });
    await expect(reject(both, request.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });

  it("refuses a reviewer who is not SECURITY or ADMIN", async () => {
    const { request } = await givenPendingChange();
    for (const roles of [["OWNER"], ["APPROVER"], ["AUDITOR"]] as const) {
      const user = await givenUser([...roles]);
      await expect(approve(user, request.id)).rejects.toMatchObject({
        code: "forbidden",
        detail: expect.stringContaining("Only Security"),
      });
    }
  });

  it("approves: applies the set, version + 1, and audits the approval and the change together", async () => {
    const { security, workflow, request } = await givenPendingChange();
    const approved = await approve(security, request.id, "Refunds are capped at 50 EUR");

    expect(approved).toMatchObject({ status: "APPROVED", reviewedBy: { id: security.id }, reviewReason: "Refunds are capped at 50 EUR" });
    expect(await readPermissionSet({ tx: db, workflowId: workflow.id })).toEqual(WITH_REFUNDS);
    expect(await workflowRow(workflow.id)).toMatchObject({ version: 2, maxTier: "T3" });
    const [approval] = await auditOf({ type: "change_request", id: request.id }).then((events) => events.slice(1));
    const [change] = await auditOf({ type: "workflow", id: workflow.id });
    expect(approval).toMatchObject({
      action: "change_request.approved",
      actorId: security.id,
      data: { reason: "Refunds are capped at 50 EUR" },
    });
    expect(change).toMatchObject({
      action: "workflow.permissions.changed",
      actorId: security.id,
      data: { version: 2, changeRequestId: request.id },
    });
    expect(change?.seq).toBe((approval?.seq ?? 0n) + 1n);

    const detail = await getChangeRequest({ user: security, id: request.id });
    expect(detail.history.map((h) => [h.action, h.reason])).toEqual([
      ["change_request.opened", null],
      ["change_request.approved", "Refunds are capped at 50 EUR"],
    ]);
  });

  it("rejects with a reason and applies nothing; a decided request cannot be decided again", async () => {
    const { security, workflow, request } = await givenPendingChange();
    await expect(reject(security, request.id, "Ask for a lower cap")).resolves.toMatchObject({
      status: "REJECTED",
      reviewReason: "Ask for a lower cap",
    });
    expect(await readPermissionSet({ tx: db, workflowId: workflow.id })).toEqual(BASE_SET);
    expect((await workflowRow(workflow.id)).version).toBe(1);
    const other = await givenUser(["ADMIN"]);
    await expect(approve(other, request.id)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining(`already rejected by ${security.email}`),
    });
  });

  it("refuses to approve onto a version the request was not based on", async () => {
    const { owner, security, workflow, request } = await givenPendingChange();
    // Another path moved the workflow on (here: a direct version bump, as a RACI or name edit would).
    await db.workflow.update({ where: { id: workflow.id }, data: { version: 2 } });
    expect((await getChangeRequest({ user: owner, id: request.id })).stale).toBe(true);
    await expect(approve(security, request.id)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("changed since this request was made"),
    });
    expect(await readPermissionSet({ tx: db, workflowId: workflow.id })).toEqual(BASE_SET);
    expect((await db.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });

  it("lets exactly one of two simultaneous decisions land", async () => {
    const { security, workflow, request } = await givenPendingChange();
    const admin = await givenUser(["ADMIN"]);

    // Hold the request's row so both decisions start and queue on its lock before either decides.
    const blocker = await raw.connect();
    await blocker.query("BEGIN");
    await blocker.query("SELECT id FROM change_requests WHERE id = $1 FOR UPDATE", [request.id]);
    const settled = Promise.allSettled([approve(security, request.id), reject(admin, request.id)]);
    await untilWaitingOnLocks({ pool: raw, count: 2, settled });
    await blocker.query("COMMIT");
    blocker.release();

    const results = await settled;
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    const decisions = (await auditOf({ type: "change_request", id: request.id })).filter((e) => e.action !== "change_request.opened");
    expect(decisions).toHaveLength(1);
    const final = await db.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(final.status === "APPROVED").toBe((await workflowRow(workflow.id)).version === 2);
  });

  it("lets only the requester withdraw, and only while pending", async () => {
    const { owner, security, request } = await givenPendingChange();
    const stranger = await givenUser(["OWNER"]);
    await expect(withdraw(stranger, request.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(withdraw(security, request.id)).rejects.toMatchObject({ code: "forbidden", detail: expect.stringContaining(owner.email) });
    await expect(withdraw(owner, request.id)).resolves.toMatchObject({ status: "WITHDRAWN" });
    await expect(withdraw(owner, request.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(approve(security, request.id)).rejects.toMatchObject({ code: "conflict", detail: expect.stringContaining("withdrawn") });
  });

  it("keeps a request out of sight of owners of other workflows", async () => {
    const { request } = await givenPendingChange();
    const stranger = await givenUser(["OWNER"]);
    await expect(getChangeRequest({ user: stranger, id: request.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
