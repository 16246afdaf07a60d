import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TRole } from "@/lib/contracts/roles";
import type { TSessionUser } from "../../auth/current-user";
import { db } from "../../db/client";

export const system: TAuditActor = { type: "system", id: null, label: "workflows test" };
export const actorFor = (user: TSessionUser): TAuditActor => ({ type: "user", id: user.id, label: user.email, requestId: null });
const suffix = () => randomUUID().slice(0, 8);

/** A person inserted directly, as a fixture: the function under test is never its own setup. */
export async function givenUser(options: { roles: TRole[]; name?: string; disabled?: boolean }): Promise<TSessionUser> {
  const row = await db.user.create({
    data: { email: `${suffix()}@example.test`, name: options.name ?? "Fixture Person", roles: options.roles, disabled: options.disabled ?? false },
    select: { id: true, email: true, name: true, roles: true },
  });
  return row;
}

const object = (properties: Record<string, { type: string }>) => ({ type: "object", properties });

/** A small catalog: data classes of every sensitivity, approved and suspended models, tools with and without contracts. */
export async function givenCatalog() {
  await db.dataClass.createMany({
    data: [
      { key: "docs", name: "Docs", sensitivity: "PUBLIC", tags: [], retentionDays: 30 },
      { key: "tickets", name: "Tickets", sensitivity: "INTERNAL", tags: ["PII"], retentionDays: 30 },
      { key: "customers", name: "Customers", sensitivity: "CONFIDENTIAL", tags: ["PII"], retentionDays: 30 },
      { key: "cards", name: "Cards", sensitivity: "RESTRICTED", tags: ["PCI"], retentionDays: 30 },
    ],
  });
  const model = { regions: ["eu"], dataRetentionDays: 0, trainingOptOut: true, loggingPolicy: "none" };
  await db.approvedModel.createMany({
    data: [
      { ...model, provider: "acme", model: "small", version: "1", maxSensitivity: "INTERNAL", status: "APPROVED" },
      { ...model, provider: "acme", model: "large", version: "2", maxSensitivity: "RESTRICTED", status: "APPROVED" },
      { ...model, provider: "old", model: "legacy", version: "0", maxSensitivity: "RESTRICTED", status: "SUSPENDED" },
    ],
  });
  await db.tool.createMany({
    data: [
      { key: "kb.search", name: "Search", system: "KB", consequence: "READ", argumentSchema: object({ q: { type: "string" } }) },
      { key: "stripe.refund", name: "Refund", system: "Stripe", consequence: "MONEY_MOVEMENT", argumentSchema: object({ amount: { type: "integer" } }) },
      { key: "legacy.poke", name: "Poke", system: "Legacy", consequence: "WRITE", argumentSchema: {} },
    ],
  });
}

/** A workflow row inserted directly, with an optional complete RACI chart and a valid token. */
export async function givenWorkflow(options: {
  owner: TSessionUser;
  key?: string;
  name?: string;
  status?: "DRAFT" | "ACTIVE" | "PAUSED" | "RETIRED";
  environment?: "DEV" | "STAGING" | "PROD";
  raci?: TSessionUser[];
  token?: boolean;
}) {
  const [a, r, c, i] = options.raci ?? [];
  const raci = a && r && c && i
    ? [
        { userId: a.id, function: "WORKFLOW_OWNER" as const, role: "ACCOUNTABLE" as const },
        { userId: r.id, function: "DATA_OWNER" as const, role: "RESPONSIBLE" as const },
        { userId: c.id, function: "PLATFORM_OWNER" as const, role: "CONSULTED" as const },
        { userId: i.id, function: "SECURITY" as const, role: "INFORMED" as const },
      ]
    : [];
  const workflow = await db.workflow.create({
    data: {
      key: options.key ?? `wf-${suffix()}`,
      name: options.name ?? "Fixture workflow",
      purpose: "Testing",
      environment: options.environment ?? "DEV",
      status: options.status ?? "DRAFT",
      ownerId: options.owner.id,
      raci: { createMany: { data: raci } },
    },
    select: { id: true, key: true, version: true },
  });
  if (options.token) {
    await db.serviceToken.create({
      data: {
        workflowId: workflow.id,
        name: "runner",
        prefix: `tg_${suffix()}`,
        tokenHash: randomUUID(),
        scopes: ["DECIDE"],
        environment: options.environment ?? "DEV",
        expiresAt: new Date(Date.now() + 86_400_000),
        createdById: options.owner.id,
      },
    });
  }
  return workflow;
}

export async function auditEventsFor(workflowId: string) {
  return db.auditEvent.findMany({ where: { targetType: "workflow", targetId: workflowId }, orderBy: { seq: "asc" } });
}

/** Links catalog entries to a workflow directly (not through the function under test). */
export async function givenPermissions(workflowId: string, options: { dataClasses?: string[]; models?: string[]; tools?: string[] }) {
  for (const key of options.dataClasses ?? []) {
    const dc = await db.dataClass.findUniqueOrThrow({ where: { key } });
    await db.workflowDataClass.create({ data: { workflowId, dataClassId: dc.id } });
  }
  for (const ref of options.models ?? []) {
    const [provider = "", model = "", version = ""] = ref.split("/");
    const m = await db.approvedModel.findUniqueOrThrow({ where: { provider_model_version: { provider, model, version } } });
    await db.workflowModel.create({ data: { workflowId, modelId: m.id } });
  }
  for (const key of options.tools ?? []) {
    const tool = await db.tool.findUniqueOrThrow({ where: { key } });
    await db.workflowTool.create({ data: { workflowId, toolId: tool.id, tier: "T3" } });
  }
}

export function refusalExpected(): never {
  throw new Error("expected the call to be refused");
}
