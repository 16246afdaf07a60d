import { describe, expect, it } from "vitest";
import { ZCreateTool, ZUpdateTool, type TCreateTool, type TUpdateTool } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import { createTool } from "./create-tool";
import { listTools } from "./list-tools";
import { actorOf, auditEventsFor, givenTool, givenUser, givenWorkflow } from "@/test/fixtures/registry-catalog";
import { updateTool } from "./update-tool";
import { runAudited } from "../../audit/run-audited";

const create = (user: TSessionUser, input: TCreateTool) =>
  runAudited(db, (tx) => createTool({ tx, actor: actorOf(user), user, input: ZCreateTool.parse(input) }));
const update = (user: TSessionUser, id: string, input: TUpdateTool) =>
  runAudited(db, (tx) => updateTool({ tx, actor: actorOf(user), user, id, input: ZUpdateTool.parse(input) }));
const version = (row: { updatedAt: Date | string }) => new Date(row.updatedAt).toISOString();

const refundSchema = { type: "object", properties: { amount: { type: "integer", minimum: 1 } }, required: ["amount"] };

describe("createTool", () => {
  it("adds a tool with its argument contract and default tier, audited", async () => {
    const security = await givenUser(["SECURITY"]);
    const view = await create(security, {
      key: "stripe.refund",
      name: "Refund",
      system: "Stripe",
      consequence: "MONEY_MOVEMENT",
      argumentSchema: refundSchema,
    });
    expect(view).toMatchObject({ key: "stripe.refund", defaultTier: "T3", argumentSchema: refundSchema });
    const [event] = await auditEventsFor("tool", view.id);
    expect(event).toMatchObject({
      action: "catalog.tool.changed",
      data: { before: null, after: { key: "stripe.refund", argumentSchema: refundSchema } },
    });
  });

  it("rejects an argument contract that is not valid JSON Schema, with a field error, and creates nothing", async () => {
    const security = await givenUser(["SECURITY"]);
    const bad = create(security, {
      key: "bad.schema",
      name: "Bad",
      system: "X",
      consequence: "READ",
      argumentSchema: { type: "objekt", minProperties: -1 },
    });
    await expect(bad).rejects.toMatchObject({
      code: "validation_failed",
      fieldProblems: [
        { path: "argumentSchema", message: expect.stringMatching(/^Not a valid JSON Schema: .*\/minProperties must be >= 0/) },
      ],
    });
    expect(await db.tool.findUnique({ where: { key: "bad.schema" } })).toBeNull();
  });
});

describe("updateTool", () => {
  it("refuses a consequence that would leave workflows below its default tier, listing them, and changes nothing", async () => {
    const security = await givenUser(["SECURITY"]);
    const owner = await givenUser(["OWNER"]);
    const tool = await givenTool({ consequence: "WRITE" });
    await givenWorkflow({ ownerId: owner.id, key: "grants-t1", tools: [{ id: tool.id, tier: "T1" }] });
    await givenWorkflow({ ownerId: owner.id, key: "grants-t2", tools: [{ id: tool.id, tier: "T2" }] });
    await givenWorkflow({ ownerId: owner.id, key: "grants-t3", tools: [{ id: tool.id, tier: "T3" }] });

    const refused = update(security, tool.id, { consequence: "MONEY_MOVEMENT", expectedUpdatedAt: version(tool) });
    await expect(refused).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("2 workflows grant"),
      fieldProblems: [{ path: "consequence", message: expect.stringContaining("grants-t1 (T1), grants-t2 (T2)") }],
    });
    expect((await db.tool.findUniqueOrThrow({ where: { id: tool.id } })).consequence).toBe("WRITE");
    expect(await auditEventsFor("tool", tool.id)).toHaveLength(0);

    // T2 is enough for an external communication tool: only grants-t1 blocks it.
    await expect(
      update(security, tool.id, { consequence: "EXTERNAL_COMMUNICATION", expectedUpdatedAt: version(tool) }),
    ).rejects.toMatchObject({
      fieldProblems: [{ message: expect.stringMatching(/^1 workflow grants .*: grants-t1 \(T1\)/) }],
    });
    await db.workflowTool.updateMany({ where: { toolId: tool.id, tier: { in: ["T1", "T2"] } }, data: { tier: "T3" } });
    const view = await update(security, tool.id, { consequence: "MONEY_MOVEMENT", expectedUpdatedAt: version(tool) });
    expect(view).toMatchObject({ consequence: "MONEY_MOVEMENT", defaultTier: "T3" });
    const [event] = await auditEventsFor("tool", tool.id);
    expect(event?.data).toMatchObject({ before: { consequence: "WRITE" }, after: { consequence: "MONEY_MOVEMENT" } });
  });

  it("names only the caller's own blocking workflows, counting the rest", async () => {
    const admin = await givenUser(["ADMIN"]);
    const [owner, otherOwner] = await Promise.all([givenUser(["OWNER"]), givenUser(["OWNER"])]);
    const tool = await givenTool({ consequence: "READ" });
    await givenWorkflow({ ownerId: owner.id, key: "owner-grant", tools: [{ id: tool.id, tier: "T0" }] });
    await givenWorkflow({ ownerId: otherOwner.id, key: "someone-elses", tools: [{ id: tool.id, tier: "T0" }] });
    // Only catalog managers reach this through the API; the query still scopes names to the caller.
    await expect(update(owner, tool.id, { consequence: "WRITE", expectedUpdatedAt: version(tool) })).rejects.toMatchObject({
      detail: expect.stringMatching(/2 workflows grant .*: owner-grant \(T0\) and 1 more/),
    });
    await expect(update(admin, tool.id, { consequence: "WRITE", expectedUpdatedAt: version(tool) })).rejects.toMatchObject({
      detail: expect.stringContaining("owner-grant (T0), someone-elses (T0)"),
    });
  });

  it("rejects an invalid contract on update, and a stale edit", async () => {
    const security = await givenUser(["SECURITY"]);
    const tool = await givenTool();
    await expect(update(security, tool.id, { argumentSchema: { properties: 5 }, expectedUpdatedAt: version(tool) })).rejects.toMatchObject({
      code: "validation_failed",
      fieldProblems: [expect.objectContaining({ path: "argumentSchema" })],
    });
    await update(security, tool.id, { name: "Renamed", expectedUpdatedAt: version(tool) });
    await expect(update(security, tool.id, { system: "Other", expectedUpdatedAt: version(tool) })).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("name Fixture tool → Renamed"),
    });
  });

  it("lists tools with usage counted within the reader's scope", async () => {
    const [owner, otherOwner, auditor] = await Promise.all([givenUser(["OWNER"]), givenUser(["OWNER"]), givenUser(["AUDITOR"])]);
    const tool = await givenTool();
    await givenWorkflow({ ownerId: owner.id, tools: [{ id: tool.id, tier: "T1" }] });
    await givenWorkflow({ ownerId: otherOwner.id, tools: [{ id: tool.id, tier: "T1" }] });
    const countFor = async (user: TSessionUser) => (await listTools({ user })).items.find((t) => t.id === tool.id)?.workflowCount;
    expect(await countFor(owner)).toBe(1);
    expect(await countFor(auditor)).toBe(2);
  });
});
