import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TRole } from "@/lib/contracts/roles";
import type { TSessionUser } from "../../auth/current-user";
import { db } from "../../db/client";

type TSensitivity = "PUBLIC" | "INTERNAL" | "CONFIDENTIAL" | "RESTRICTED";
type TTier = "T0" | "T1" | "T2" | "T3";

export const actorOf = (user: TSessionUser): TAuditActor => ({ type: "user", id: user.id, label: user.email });

/** A signed-in person as the routes see them, inserted directly. */
export async function givenUser(roles: TRole[]): Promise<TSessionUser> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.test`, name: "Fixture Person", roles } });
  return { id: user.id, email: user.email, name: user.name, roles: user.roles };
}

export async function givenDataClass(options: { key?: string; sensitivity?: TSensitivity } = {}) {
  return db.dataClass.create({
    data: { key: options.key ?? `dc-${randomUUID().slice(0, 8)}`, name: "Fixture class", sensitivity: options.sensitivity ?? "INTERNAL", tags: ["PII"], retentionDays: 30 },
  });
}

export async function givenModel(options: { provider?: string } = {}) {
  return db.approvedModel.create({
    data: {
      provider: options.provider ?? "acme",
      model: `m-${randomUUID().slice(0, 8)}`,
      version: "1",
      regions: ["eu-west-1"],
      dataRetentionDays: 0,
      trainingOptOut: true,
      loggingPolicy: "none",
      maxSensitivity: "CONFIDENTIAL",
    },
  });
}

export async function givenTool(options: { key?: string; consequence?: "READ" | "WRITE" | "EXTERNAL_COMMUNICATION" | "MONEY_MOVEMENT" } = {}) {
  return db.tool.create({
    data: {
      key: options.key ?? `sys.t${randomUUID().slice(0, 8)}`,
      name: "Fixture tool",
      system: "Fixture",
      consequence: options.consequence ?? "WRITE",
      argumentSchema: { type: "object" },
    },
  });
}

/** A workflow inserted directly with its declarations; maxSensitivity as the registry derives it. */
export async function givenWorkflow(options: {
  ownerId: string;
  key?: string;
  dataClasses?: { id: string; sensitivity: TSensitivity }[];
  modelIds?: string[];
  tools?: { id: string; tier: TTier }[];
  status?: "DRAFT" | "ACTIVE";
}) {
  const order: TSensitivity[] = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"];
  const top = (options.dataClasses ?? []).map((d) => d.sensitivity).sort((a, b) => order.indexOf(b) - order.indexOf(a))[0] ?? null;
  return db.workflow.create({
    data: {
      key: options.key ?? `wf-${randomUUID().slice(0, 8)}`,
      name: "Fixture workflow",
      purpose: "Testing",
      environment: "PROD",
      status: options.status ?? "ACTIVE",
      ownerId: options.ownerId,
      maxSensitivity: top,
      dataClasses: { create: (options.dataClasses ?? []).map((d) => ({ dataClassId: d.id })) },
      models: { create: (options.modelIds ?? []).map((modelId) => ({ modelId })) },
      tools: { create: (options.tools ?? []).map((t) => ({ toolId: t.id, tier: t.tier })) },
    },
  });
}

export async function auditEventsFor(targetType: string, targetId: string) {
  return db.auditEvent.findMany({ where: { targetType, targetId }, orderBy: { seq: "asc" } });
}
