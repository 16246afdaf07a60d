import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import { ZEngageKillSwitch, type TEngageKillSwitch } from "@/lib/contracts/killswitch";
import type { TRole } from "@/lib/contracts/roles";
import { runAudited } from "../audit/run-audited";
import type { TSessionUser } from "../auth/current-user";
import { db } from "../db/client";
import { confirmKillSwitchRelease } from "./confirm-kill-switch-release";
import { engageKillSwitch } from "./engage-kill-switch";
import { requestKillSwitchRelease } from "./request-kill-switch-release";
import { withdrawKillSwitchRelease } from "./withdraw-kill-switch-release";

export const actorFor = (user: TSessionUser): TAuditActor => ({ type: "user", id: user.id, label: user.email, requestId: null });
export const suffix = () => randomUUID().slice(0, 8);

/** A person inserted directly, as a fixture: the function under test is never its own setup. */
export async function givenUser(roles: TRole[]): Promise<TSessionUser> {
  return db.user.create({ data: { email: `${suffix()}@example.test`, name: `Fixture ${roles.join("+")}`, roles }, select: { id: true, email: true, name: true, roles: true } });
}

/** A tool and an approved model of a provider of their own, so no two tests halt the same thing. */
export async function givenCatalogEntries() {
  const tool = await db.tool.create({ data: { key: `tool.${suffix()}`, name: "Tool", system: "Test", consequence: "WRITE", argumentSchema: {} } });
  const model = await db.approvedModel.create({
    data: { provider: `prov-${suffix()}`, model: "large", version: "2", regions: ["eu"], dataRetentionDays: 0, trainingOptOut: true, loggingPolicy: "none", maxSensitivity: "RESTRICTED" },
  });
  return { toolKey: tool.key, modelRef: `${model.provider}/${model.model}/${model.version}`, provider: model.provider };
}

export async function givenWorkflow(owner: TSessionUser, runbook = "") {
  return db.workflow.create({
    data: { key: `wf-${suffix()}`, name: "Fixture workflow", purpose: "Testing", environment: "PROD", status: "ACTIVE", ownerId: owner.id, runbook },
    select: { id: true, key: true },
  });
}

/** A pending approval request of `workflowId` for `tool` on `model`, inserted directly. */
export async function givenPendingApproval(options: { workflowId: string; tool: string; model: string }) {
  const now = Date.now();
  return db.approvalRequest.create({
    data: {
      ...options,
      runId: `run-${suffix()}`,
      dataClasses: [],
      tier: "T3",
      consequence: "MONEY_MOVEMENT",
      approvalsRequired: 2,
      argumentsHash: "0".repeat(64),
      arguments: {},
      reasons: [],
      registryVersion: "1",
      escalateAt: new Date(now + 30 * 60_000),
      expiresAt: new Date(now + 60 * 60_000),
    },
    select: { id: true },
  });
}

export const engage = (user: TSessionUser, input: TEngageKillSwitch) =>
  runAudited(db, (tx) => engageKillSwitch({ tx, actor: actorFor(user), user, input: ZEngageKillSwitch.parse(input) }));
export const requestRelease = (user: TSessionUser, id: string, reason = "Vendor fixed the incident") =>
  runAudited(db, (tx) => requestKillSwitchRelease({ tx, actor: actorFor(user), user, id, reason }));
export const confirmRelease = (user: TSessionUser, id: string, reason?: string) =>
  runAudited(db, (tx) => confirmKillSwitchRelease({ tx, actor: actorFor(user), user, id, reason }));
export const withdrawRelease = (user: TSessionUser, id: string) => runAudited(db, (tx) => withdrawKillSwitchRelease({ tx, actor: actorFor(user), user, id }));

export async function auditOf(id: string) {
  return db.auditEvent.findMany({ where: { targetType: "kill_switch", targetId: id }, orderBy: { seq: "asc" } });
}
