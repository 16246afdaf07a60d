import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TPermissionSet } from "@/lib/contracts/registry";
import type { TRole } from "@/lib/contracts/roles";
import type { TSessionUser } from "../../auth/current-user";
import { db } from "../../db/client";
import { checkPermissionSet } from "../permission-set/check-permission-set";
import { writePermissionSet } from "../permission-set/write-permission-set";
import { runAudited } from "../../audit/run-audited";

export const actorFor = (user: TSessionUser): TAuditActor => ({ type: "user", id: user.id, label: user.email, requestId: null });
const suffix = () => randomUUID().slice(0, 8);

/** A person inserted directly, as a fixture: the function under test is never its own setup. */
export async function givenUser(roles: TRole[]): Promise<TSessionUser> {
  return db.user.create({
    data: { email: `${suffix()}@example.test`, name: "Fixture Person", roles },
    select: { id: true, email: true, name: true, roles: true },
  });
}

/** A catalog once per test file: a data class, a model and a READ and a MONEY_MOVEMENT tool. */
export async function givenCatalog(): Promise<void> {
  if (await db.tool.count({ where: { key: "kb.search" } })) return;
  await db.dataClass.createMany({
    data: [
      { key: "tickets", name: "Tickets", sensitivity: "INTERNAL", tags: ["PII"], retentionDays: 30 },
      { key: "cards", name: "Cards", sensitivity: "RESTRICTED", tags: ["PCI"], retentionDays: 30 },
    ],
  });
  await db.approvedModel.create({
    data: { provider: "acme", model: "large", version: "2", regions: ["eu"], dataRetentionDays: 0, trainingOptOut: true, loggingPolicy: "none", maxSensitivity: "RESTRICTED" },
  });
  await db.tool.createMany({
    data: [
      { key: "kb.search", name: "Search", system: "KB", consequence: "READ", argumentSchema: { type: "object" } },
      { key: "stripe.refund", name: "Refund", system: "Stripe", consequence: "MONEY_MOVEMENT", argumentSchema: { type: "object" } },
    ],
  });
}

export const BASE_SET: TPermissionSet = {
  dataClassKeys: ["tickets"],
  modelRefs: ["acme/large/2"],
  tools: [{ toolKey: "kb.search", ratePerMinute: 60, argumentConstraints: null, tier: "T0" }],
};

/** The base set plus a capped refund tool: the change most tests propose. */
export const WITH_REFUNDS: TPermissionSet = {
  ...BASE_SET,
  tools: [...BASE_SET.tools, { toolKey: "stripe.refund", ratePerMinute: 5, argumentConstraints: { type: "object", properties: { amount: { maximum: 5000 } } }, tier: "T3" }],
};

/** A workflow row with BASE_SET as its permissions, inserted directly. */
export async function givenWorkflow(options: { owner: TSessionUser; status?: "DRAFT" | "ACTIVE" | "PAUSED" | "RETIRED"; version?: number }) {
  await givenCatalog();
  const workflow = await db.workflow.create({
    data: {
      key: `wf-${suffix()}`,
      name: "Fixture workflow",
      purpose: "Testing",
      environment: "STAGING",
      status: options.status ?? "DRAFT",
      version: options.version ?? 1,
      ownerId: options.owner.id,
    },
    select: { id: true, key: true, version: true, environment: true },
  });
  await runAudited(db, async (tx) => {
    const resolved = await checkPermissionSet({ tx, set: BASE_SET, at: "fixture" });
    await writePermissionSet({ tx, workflowId: workflow.id, resolved });
  });
  return workflow;
}

export async function auditOf(target: { type: string; id: string }) {
  return db.auditEvent.findMany({ where: { targetType: target.type, targetId: target.id }, orderBy: { seq: "asc" } });
}
