import { describe, expect, it } from "vitest";
import { ZPermissionEdit, type TPermissionEdit } from "@/lib/contracts/changes";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import { actorFor, auditOf, BASE_SET, givenUser, givenWorkflow, WITH_REFUNDS } from "@/test/fixtures/registry-changes";
import { readPermissionSet } from "../permission-set/read-permission-set";
import { applyWorkflowPermissions } from "./apply-workflow-permissions";
import { previewPermissionEdit } from "./preview-permission-edit";
import { runAudited } from "../../audit/run-audited";

const apply = (user: TSessionUser, workflowId: string, edit: TPermissionEdit) =>
  runAudited(db, (tx) => applyWorkflowPermissions({ tx, actor: actorFor(user), user, workflowId, edit: ZPermissionEdit.parse(edit) }));
const permissionsOf = (workflowId: string) => readPermissionSet({ tx: db, workflowId });
const versionOf = async (workflowId: string) => (await db.workflow.findUniqueOrThrow({ where: { id: workflowId } })).version;

describe("applyWorkflowPermissions (drafts)", () => {
  it("applies a draft edit by its owner: next version, derived risk, audited diff", async () => {
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow({ owner });

    const applied = await apply(owner, workflow.id, { permissions: WITH_REFUNDS, expectedVersion: 1 });

    expect(applied.version).toBe(2);
    expect(applied.changes.map((c) => c.text)).toEqual([expect.stringMatching(/^\+ tool stripe\.refund \(T3, 5\/min, constraints /)]);
    expect(await permissionsOf(workflow.id)).toEqual(WITH_REFUNDS);
    expect(await db.workflow.findUniqueOrThrow({ where: { id: workflow.id } })).toMatchObject({ version: 2, maxTier: "T3" });
    const [event] = await auditOf({ type: "workflow", id: workflow.id });
    expect(event).toMatchObject({ action: "workflow.permissions.changed", actorId: owner.id, data: { version: 2, changeRequestId: null } });
  });

  it("refuses an active or paused workflow, pointing at change review, and changes nothing", async () => {
    const owner = await givenUser(["OWNER"]);
    for (const status of ["ACTIVE", "PAUSED"] as const) {
      const workflow = await givenWorkflow({ owner, status });
      const attempt = apply(owner, workflow.id, { permissions: WITH_REFUNDS, expectedVersion: 1 });
      await expect(attempt).rejects.toMatchObject({
        code: "conflict",
        detail: expect.stringContaining(`POST /api/v1/workflows/${workflow.id}/changes`),
      });
      expect(await permissionsOf(workflow.id)).toEqual(BASE_SET);
      expect(await versionOf(workflow.id)).toBe(1);
    }
  });

  it("refuses a retired workflow", async () => {
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow({ owner, status: "RETIRED" });
    await expect(apply(owner, workflow.id, { permissions: WITH_REFUNDS, expectedVersion: 1 })).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("retired"),
    });
  });

  it("refuses an edit that changes nothing", async () => {
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow({ owner });
    await expect(apply(owner, workflow.id, { permissions: BASE_SET, expectedVersion: 1 })).rejects.toMatchObject({
      code: "bad_request",
      detail: expect.stringContaining("Nothing to change"),
    });
    expect(await auditOf({ type: "workflow", id: workflow.id })).toHaveLength(0);
  });

  it("refuses a stale version with 409 naming what changed since", async () => {
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow({ owner });
    await apply(owner, workflow.id, { permissions: WITH_REFUNDS, expectedVersion: 1 });

    const stale = apply(owner, workflow.id, { permissions: { ...BASE_SET, dataClassKeys: [] }, expectedVersion: 1 });
    await expect(stale).rejects.toMatchObject({ code: "conflict" });
    const detail = await stale.catch((error: { detail: string }) => error.detail);
    expect(detail).toContain("is at version 2, but you edited version 1");
    expect(detail).toContain("Since then: + tool stripe.refund");
    expect(detail).toContain(`by ${owner.email}`);
    expect(await permissionsOf(workflow.id)).toEqual(WITH_REFUNDS);
  });

  it("reports catalog problems field by field, under body.permissions", async () => {
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow({ owner });
    // Listed out of order: the index must still name the row the editor sent.
    const lowered = {
      ...WITH_REFUNDS,
      tools: WITH_REFUNDS.tools.map((t) => (t.toolKey === "stripe.refund" ? { ...t, tier: "T1" as const } : t)).reverse(),
    };
    await expect(apply(owner, workflow.id, { permissions: lowered, expectedVersion: 1 })).rejects.toMatchObject({
      code: "validation_failed",
      fieldProblems: [{ path: "body.permissions.tools.0.tier", message: expect.stringContaining("below T3") }],
    });
  });

  it("answers 404 for another owner's workflow and 403 for one they can read but not edit", async () => {
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow({ owner });
    const otherOwner = await givenUser(["OWNER"]);
    const readingOwner = await givenUser(["OWNER", "APPROVER"]);
    await expect(apply(otherOwner, workflow.id, { permissions: WITH_REFUNDS, expectedVersion: 1 })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(apply(readingOwner, workflow.id, { permissions: WITH_REFUNDS, expectedVersion: 1 })).rejects.toMatchObject({
      code: "forbidden",
    });
    const edit = ZPermissionEdit.parse({ permissions: WITH_REFUNDS, expectedVersion: 1 });
    await expect(previewPermissionEdit({ user: otherOwner, workflowId: workflow.id, edit })).rejects.toMatchObject({ code: "not_found" });
    expect(await versionOf(workflow.id)).toBe(1);
  });

  it("previews the diff without writing anything", async () => {
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow({ owner, status: "ACTIVE" });
    const preview = await previewPermissionEdit({
      user: owner,
      workflowId: workflow.id,
      edit: ZPermissionEdit.parse({ permissions: WITH_REFUNDS, expectedVersion: 1 }),
    });
    expect(preview.changes.map((c) => c.key)).toEqual(["stripe.refund"]);
    expect(await permissionsOf(workflow.id)).toEqual(BASE_SET);
  });
});
