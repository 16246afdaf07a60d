import { beforeAll, describe, expect, it } from "vitest";
import { ZUpdateWorkflow, type TUpdateWorkflow } from "@/lib/contracts/workflows";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import { actorFor, auditEventsFor, givenUser, givenWorkflow } from "@/test/fixtures/registry-workflows";
import { updateWorkflow } from "./update-workflow";
import { runAudited } from "../../audit/run-audited";

let owner: TSessionUser;
let otherOwner: TSessionUser;
let admin: TSessionUser;
let security: TSessionUser;

beforeAll(async () => {
  [owner, otherOwner, admin, security] = await Promise.all([
    givenUser({ roles: ["OWNER"] }),
    givenUser({ roles: ["OWNER"] }),
    givenUser({ roles: ["ADMIN"] }),
    givenUser({ roles: ["SECURITY"] }),
  ]);
});

const update = (user: TSessionUser, id: string, input: TUpdateWorkflow) =>
  runAudited(db, (tx) => updateWorkflow({ tx, actor: actorFor(user), user, id, input: ZUpdateWorkflow.parse(input) }));

describe("updateWorkflow", () => {
  it("saves changed fields, bumps the version and audits workflow.updated with before and after", async () => {
    const wf = await givenWorkflow({ owner, name: "Old name" });
    const view = await update(owner, wf.id, { name: "New name", runbook: "Call the on-call", purpose: "Testing", expectedVersion: 1 });
    expect(view).toMatchObject({ name: "New name", runbook: "Call the on-call", version: 2 });
    const events = await auditEventsFor(wf.id);
    expect(events.map((e) => [e.action, e.data])).toEqual([
      [
        "workflow.updated",
        { changes: { name: { before: "Old name", after: "New name" }, runbook: { before: "", after: "Call the on-call" } }, version: 2 },
      ],
    ]);
  });

  it("sets the approval timeout and audits it with before and after", async () => {
    const wf = await givenWorkflow({ owner });
    await expect(update(owner, wf.id, { approvalTimeoutMinutes: 10_080, expectedVersion: 1 })).resolves.toMatchObject({
      approvalTimeoutMinutes: 10_080,
      version: 2,
    });
    const events = await auditEventsFor(wf.id);
    expect(events.map((e) => e.data)).toEqual([{ changes: { approvalTimeoutMinutes: { before: 60, after: 10_080 } }, version: 2 }]);
  });

  it.each([
    [0, "Use at least 1 minute"],
    [10_081, "Use at most 10,080 minutes (7 days)"],
    [1.5, "Enter whole minutes"],
  ])("refuses an approval timeout of %s minutes (%s) and changes nothing", async (minutes, message) => {
    const wf = await givenWorkflow({ owner });
    const parsed = ZUpdateWorkflow.safeParse({ approvalTimeoutMinutes: minutes, expectedVersion: 1 });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["approvalTimeoutMinutes", message]]);
    await expect(update(owner, wf.id, { approvalTimeoutMinutes: minutes, expectedVersion: 1 })).rejects.toThrow();
    expect(await db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).toMatchObject({ approvalTimeoutMinutes: 60, version: 1 });
    expect(await auditEventsFor(wf.id)).toEqual([]);
  });

  it("refuses a stale version with a 409 that says what changed since, and loses nothing", async () => {
    const wf = await givenWorkflow({ owner, name: "First" });
    await update(owner, wf.id, { name: "Second", expectedVersion: 1 });
    const stale = update(admin, wf.id, { purpose: "Overwritten?", expectedVersion: 1 });
    await expect(stale).rejects.toMatchObject({ code: "conflict" });
    const detail = await stale.catch((e: { detail: string }) => e.detail);
    expect(detail).toContain(`is at version 2, but you edited version 1`);
    expect(detail).toContain(`name "First" → "Second" (by ${owner.email}`);
    expect(detail).toContain(`Now: name "Second", status DRAFT`);
    expect(await db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).toMatchObject({ purpose: "Testing", version: 2 });
  });

  it("changes the environment only while the workflow is a draft", async () => {
    const draft = await givenWorkflow({ owner, environment: "DEV" });
    await expect(update(owner, draft.id, { environment: "PROD", expectedVersion: 1 })).resolves.toMatchObject({ environment: "PROD" });
    const active = await givenWorkflow({ owner, status: "ACTIVE", environment: "DEV" });
    await expect(update(owner, active.id, { environment: "PROD", expectedVersion: 1 })).rejects.toMatchObject({
      code: "conflict",
      fieldProblems: [{ path: "body.environment" }],
    });
  });

  it("lets only an ADMIN hand a workflow to another OWNER", async () => {
    const wf = await givenWorkflow({ owner });
    await expect(update(owner, wf.id, { ownerId: otherOwner.id, expectedVersion: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(update(admin, wf.id, { ownerId: security.id, expectedVersion: 1 })).rejects.toMatchObject({
      fieldProblems: [{ path: "body.ownerId" }],
    });
    const view = await update(admin, wf.id, { ownerId: otherOwner.id, expectedVersion: 1 });
    expect(view.owner.id).toBe(otherOwner.id);
    const [event] = await auditEventsFor(wf.id);
    expect(event?.data).toMatchObject({
      changes: { owner: { before: { id: owner.id, email: owner.email }, after: { id: otherOwner.id } } },
    });
  });

  it("hides another owner's workflow (404) and refuses readers who may not edit (403)", async () => {
    const wf = await givenWorkflow({ owner: otherOwner });
    await expect(update(owner, wf.id, { name: "Mine now", expectedVersion: 1 })).rejects.toMatchObject({ code: "not_found" });
    await expect(update(security, wf.id, { name: "Mine now", expectedVersion: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(update(admin, wf.id, { name: "Admin may", expectedVersion: 1 })).resolves.toMatchObject({ name: "Admin may" });
  });

  it("refuses an empty change and any change to a retired workflow", async () => {
    const wf = await givenWorkflow({ owner, name: "Same" });
    await expect(update(owner, wf.id, { name: "Same", expectedVersion: 1 })).rejects.toMatchObject({ code: "bad_request" });
    const retired = await givenWorkflow({ owner, status: "RETIRED" });
    await expect(update(owner, retired.id, { name: "Revived", expectedVersion: 1 })).rejects.toMatchObject({ code: "conflict" });
  });
});
