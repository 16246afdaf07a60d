import { beforeAll, describe, expect, it } from "vitest";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TInventory } from "@/lib/contracts/inventory";
import { seedDemoData } from "@/prisma/seed";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import { AppError } from "../../errors";
import { exportInventory } from "./export-inventory";
import { importInventory } from "./import-inventory";
import { importInventoryCsv } from "./import-inventory-csv";
import { inventoryToCsv } from "./inventory-csv";
import { runAudited } from "../../audit/run-audited";

let admin: TSessionUser;
const actor: TAuditActor = { type: "user", id: null, label: "importer" };

beforeAll(async () => {
  await seedDemoData({ db });
  const row = await db.user.findUniqueOrThrow({ where: { email: "admin@tollgate.local" } });
  admin = { id: row.id, email: row.email, name: row.name, roles: row.roles };
});

const snapshot = () => runAudited(db, (tx) => exportInventory({ tx, user: admin }));
const importJson = (inventory: TInventory) =>
  runAudited(db, (tx) => importInventory({ tx, actor, user: admin, inventory, format: "json" }), { timeout: 60_000 });
const importCsv = (entity: "data-classes" | "allowlist" | "raci", csv: string) =>
  runAudited(db, (tx) => importInventoryCsv({ tx, actor, user: admin, entity, csv }), { timeout: 60_000 });

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldProblems ?? [];
}

describe("inventory export and import", () => {
  it("re-imports its own export without changing anything", async () => {
    const before = await snapshot();
    const result = await importJson(before);
    expect(Object.values(result.created).every((n) => n === 0)).toBe(true);
    expect(Object.values(result.updated).every((n) => n === 0)).toBe(true);
    expect(result.unchanged.workflows).toBe(before.workflows.length);
    expect(await snapshot()).toEqual(before);
  });

  it("creates new workflows as drafts and updates catalogs, auditing each change", async () => {
    const inventory = await snapshot();
    inventory.dataClasses[0]!.name = "Renamed by import";
    inventory.workflows.push({
      key: "imported-flow",
      name: "Imported flow",
      purpose: "Arrived in a JSON import.",
      environment: "DEV",
      status: "ACTIVE",
      ownerEmail: "owner@tollgate.local",
      runbook: "",
      raci: [{ email: "owner@tollgate.local", function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" }],
      permissions: {
        dataClassKeys: ["public-docs"],
        modelRefs: [],
        tools: [{ toolKey: "kb.search", ratePerMinute: 5, argumentConstraints: null, tier: "T1" }],
      },
    });
    const result = await importJson(inventory);
    expect(result.created.workflows).toBe(1);
    expect(result.updated.dataClasses).toBe(1);
    const created = await db.workflow.findUniqueOrThrow({ where: { key: "imported-flow" } });
    expect(created).toMatchObject({ status: "DRAFT", maxSensitivity: "PUBLIC", maxTier: "T1" });
    const actions = (await db.auditEvent.findMany({ where: { actorLabel: "importer" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["workflow.created", "catalog.data_class.changed", "registry.imported"]));
  });

  it("reports every problem by row and field and changes nothing", async () => {
    const before = await snapshot();
    const inventory = structuredClone(before);
    inventory.tools[0]!.argumentSchema = { type: "no-such-type" };
    inventory.dataClasses[1]!.name = "Would be renamed";
    inventory.workflows[0]!.ownerEmail = "ghost@tollgate.local";
    inventory.workflows[1]!.permissions.dataClassKeys.push("no-such-class");
    const problems = await problemsOf(importJson(inventory));
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "tools.0.argumentSchema",
        "workflows.0.ownerEmail",
        expect.stringMatching(/^workflows\.1\.permissions\.dataClassKeys\.\d+$/),
      ]),
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to change an active workflow's permissions, which need change review", async () => {
    const inventory = await snapshot();
    const active = inventory.workflows.findIndex((w) => w.status === "ACTIVE");
    inventory.workflows[active]!.permissions.tools = [];
    const problems = await problemsOf(importJson(inventory));
    expect(problems).toContainEqual({ path: `workflows.${active}.permissions`, message: expect.stringMatching(/change review/) });
  });

  it("round-trips CSV and reports CSV problems by row and column", async () => {
    const csv = inventoryToCsv(await snapshot(), "data-classes");
    const edited = csv.replace("Support tickets", "Support tickets (CSV)");
    const result = await importCsv("data-classes", edited);
    expect(result.updated.dataClasses).toBe(1);
    expect((await db.dataClass.findUniqueOrThrow({ where: { key: "support-tickets" } })).name).toBe("Support tickets (CSV)");

    const before = await snapshot();
    const allowlist = inventoryToCsv(before, "allowlist").split("\n");
    const draftRow = allowlist.findIndex((line) => line.startsWith("storage-cleanup,s3.object.delete"));
    allowlist[draftRow] = allowlist[draftRow]!.replace(/,T3$/, ",T1");
    const activeRow = allowlist.findIndex((line) => line.startsWith("support-refunds,stripe.refund"));
    allowlist[activeRow] = allowlist[activeRow]!.replace(/,T3$/, ",T3\nsupport-refunds,kb.search,,,T0");
    const problems = await problemsOf(importCsv("allowlist", allowlist.join("\n")));
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: `row ${draftRow + 1}.tier`, message: expect.stringMatching(/below T3/) },
        { path: expect.stringMatching(/^row \d+$/), message: expect.stringMatching(/support-refunds is active.*change review/) },
      ]),
    );

    const raci = "workflow_key,email,function,role\nno-such-workflow,owner@tollgate.local,DATA_OWNER,INFORMED\n";
    expect(await problemsOf(importCsv("raci", raci))).toEqual([
      { path: "row 2.workflow_key", message: expect.stringMatching(/No workflow/) },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("carries each workflow's approval timeout, audited, and keeps it when an import leaves it out", async () => {
    const inventory = await snapshot();
    const workflow = inventory.workflows[0]!;
    expect(workflow.approvalTimeoutMinutes).toBe(60);
    workflow.approvalTimeoutMinutes = 15;
    expect((await importJson(inventory)).updated.workflows).toBe(1);
    const { id } = await db.workflow.findUniqueOrThrow({ where: { key: workflow.key }, select: { id: true } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "workflow.updated" }, orderBy: { seq: "desc" } });
    expect(event.data).toMatchObject({ changes: { approvalTimeoutMinutes: { before: 60, after: 15 } } });
    delete workflow.approvalTimeoutMinutes;
    expect((await importJson(inventory)).unchanged.workflows).toBe(inventory.workflows.length);
    expect((await snapshot()).workflows[0]).toMatchObject({ key: workflow.key, approvalTimeoutMinutes: 15 });
  });
});
