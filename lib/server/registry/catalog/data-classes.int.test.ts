import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZCreateDataClass, ZUpdateDataClass, type TCreateDataClass, type TUpdateDataClass } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import { createDataClass } from "./create-data-class";
import { deleteDataClass } from "./delete-data-class";
import { listDataClasses } from "./list-data-classes";
import { actorOf, auditEventsFor, givenDataClass, givenUser, givenWorkflow } from "@/test/fixtures/registry-catalog";
import { updateDataClass } from "./update-data-class";
import { runAudited } from "../../audit/run-audited";

const create = (user: TSessionUser, input: TCreateDataClass) =>
  runAudited(db, (tx) => createDataClass({ tx, actor: actorOf(user), user, input: ZCreateDataClass.parse(input) }));
const update = (user: TSessionUser, id: string, input: TUpdateDataClass) =>
  runAudited(db, (tx) => updateDataClass({ tx, actor: actorOf(user), user, id, input: ZUpdateDataClass.parse(input) }));
const remove = (user: TSessionUser, id: string) => runAudited(db, (tx) => deleteDataClass({ tx, actor: actorOf(user), user, id }));
const version = (row: { updatedAt: Date | string }) => new Date(row.updatedAt).toISOString();

describe("createDataClass", () => {
  it("adds a class with its tags in canonical order and audits it with no before", async () => {
    const security = await givenUser(["SECURITY"]);
    const view = await create(security, {
      key: "card-data",
      name: "Card data",
      sensitivity: "RESTRICTED",
      tags: ["PII", "PCI", "PII"],
      retentionDays: 365,
    });
    expect(view).toMatchObject({ key: "card-data", tags: ["PII", "PCI"], workflowCount: 0 });
    const [event] = await auditEventsFor("data_class", view.id);
    expect(event).toMatchObject({ action: "catalog.data_class.changed", actorId: security.id });
    expect(event?.data).toEqual({
      before: null,
      after: { key: "card-data", name: "Card data", sensitivity: "RESTRICTED", tags: ["PII", "PCI"], retentionDays: 365 },
    });
  });

  it("refuses a key already in use with a field error", async () => {
    const security = await givenUser(["SECURITY"]);
    const existing = await givenDataClass();
    await expect(
      create(security, { key: existing.key, name: "Again", sensitivity: "PUBLIC", tags: [], retentionDays: 1 }),
    ).rejects.toMatchObject({
      code: "conflict",
      fieldProblems: [{ path: "key" }],
    });
  });
});

describe("updateDataClass", () => {
  it("re-derives the highest sensitivity of every workflow declaring the class, in the same transaction", async () => {
    const security = await givenUser(["SECURITY"]);
    const owner = await givenUser(["OWNER"]);
    const tickets = await givenDataClass({ sensitivity: "INTERNAL" });
    const docs = await givenDataClass({ sensitivity: "CONFIDENTIAL" });
    const both = await givenWorkflow({ ownerId: owner.id, dataClasses: [tickets, docs] });
    const only = await givenWorkflow({ ownerId: owner.id, dataClasses: [tickets] });
    const other = await givenWorkflow({ ownerId: owner.id, dataClasses: [docs] });

    const raised = await update(security, tickets.id, { sensitivity: "RESTRICTED", expectedUpdatedAt: version(tickets) });
    expect(raised.recomputedWorkflows).toEqual(
      [
        { id: both.id, key: both.key, before: "CONFIDENTIAL", after: "RESTRICTED" },
        { id: only.id, key: only.key, before: "INTERNAL", after: "RESTRICTED" },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    const sensitivity = async (id: string) => (await db.workflow.findUniqueOrThrow({ where: { id } })).maxSensitivity;
    expect([await sensitivity(both.id), await sensitivity(only.id), await sensitivity(other.id)]).toEqual([
      "RESTRICTED",
      "RESTRICTED",
      "CONFIDENTIAL",
    ]);

    const lowered = await update(security, tickets.id, { sensitivity: "PUBLIC", expectedUpdatedAt: raised.updatedAt });
    expect(lowered.recomputedWorkflows.map((w) => [w.key, w.after])).toEqual(
      [
        [both.key, "CONFIDENTIAL"],
        [only.key, "PUBLIC"],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(await sensitivity(both.id)).toBe("CONFIDENTIAL");
    expect(await sensitivity(only.id)).toBe("PUBLIC");
  });

  it("audits before and after, and leaves workflows alone when the sensitivity is unchanged", async () => {
    const security = await givenUser(["SECURITY"]);
    const owner = await givenUser(["OWNER"]);
    const dc = await givenDataClass({ sensitivity: "INTERNAL" });
    await givenWorkflow({ ownerId: owner.id, dataClasses: [dc] });
    const view = await update(security, dc.id, { name: "Renamed", tags: [], retentionDays: 7, expectedUpdatedAt: version(dc) });
    expect(view).toMatchObject({ name: "Renamed", tags: [], retentionDays: 7, recomputedWorkflows: [] });
    const [event] = await auditEventsFor("data_class", dc.id);
    expect(event?.data).toMatchObject({
      before: { name: "Fixture class", tags: ["PII"], retentionDays: 30 },
      after: { name: "Renamed", tags: [], retentionDays: 7 },
    });
  });

  it("refuses an edit of a stale version with 409 saying what changed, and writes nothing", async () => {
    const security = await givenUser(["SECURITY"]);
    const dc = await givenDataClass({ sensitivity: "INTERNAL" });
    await update(security, dc.id, { sensitivity: "CONFIDENTIAL", expectedUpdatedAt: version(dc) });
    const stale = update(security, dc.id, { name: "Mine", expectedUpdatedAt: version(dc) });
    await expect(stale).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("sensitivity INTERNAL → CONFIDENTIAL (by"),
    });
    expect((await db.dataClass.findUniqueOrThrow({ where: { id: dc.id } })).name).toBe("Fixture class");
    expect(await auditEventsFor("data_class", dc.id)).toHaveLength(1);
  });

  it("refuses a change that changes nothing, and an unknown id", async () => {
    const security = await givenUser(["SECURITY"]);
    const dc = await givenDataClass({ sensitivity: "INTERNAL" });
    await expect(update(security, dc.id, { sensitivity: "INTERNAL", expectedUpdatedAt: version(dc) })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(update(security, randomUUID(), { name: "x", expectedUpdatedAt: version(dc) })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("deleteDataClass", () => {
  it("refuses while a workflow declares the class, naming it, then deletes once none does", async () => {
    const security = await givenUser(["SECURITY"]);
    const owner = await givenUser(["OWNER"]);
    const dc = await givenDataClass();
    const workflow = await givenWorkflow({ ownerId: owner.id, key: "declares-it", dataClasses: [dc] });
    await expect(remove(security, dc.id)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("declared by 1 workflow: declares-it"),
    });
    expect(await auditEventsFor("data_class", dc.id)).toHaveLength(0);

    await db.workflowDataClass.deleteMany({ where: { workflowId: workflow.id } });
    await remove(security, dc.id);
    expect(await db.dataClass.findUnique({ where: { id: dc.id } })).toBeNull();
    const [event] = await auditEventsFor("data_class", dc.id);
    expect(event?.data).toMatchObject({ before: { key: dc.key }, after: null });
  });
});

describe("listDataClasses", () => {
  it("counts only the workflows each reader may see: all for SECURITY and AUDITOR, their own for an OWNER", async () => {
    const [security, auditor, owner, otherOwner] = await Promise.all([
      givenUser(["SECURITY"]),
      givenUser(["AUDITOR"]),
      givenUser(["OWNER"]),
      givenUser(["OWNER"]),
    ]);
    const dc = await givenDataClass();
    await givenWorkflow({ ownerId: owner.id, dataClasses: [dc] });
    await givenWorkflow({ ownerId: otherOwner.id, dataClasses: [dc] });
    const countFor = async (user: TSessionUser) => (await listDataClasses({ user })).items.find((i) => i.id === dc.id)?.workflowCount;
    expect(await countFor(security)).toBe(2);
    expect(await countFor(auditor)).toBe(2);
    expect(await countFor(owner)).toBe(1);
  });
});
