import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TFieldProblem } from "@/lib/contracts/errors";
import type { TInventoryWorkflow } from "@/lib/contracts/inventory";
import { canonicalJson } from "../../shared/canonical-json";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { checkPermissionSet } from "../permission-set/check-permission-set";
import { diffPermissionSets } from "../permission-set/diff-permission-sets";
import { readPermissionSet } from "../permission-set/read-permission-set";
import { writePermissionSet } from "../permission-set/write-permission-set";
import type { TTally } from "./import-catalog";

type TContext = { tx: TTx; actor: TAuditActor; problems: TFieldProblem[] };

/**
 * Creates new workflows as drafts and updates existing ones in place. An active workflow's
 * permissions only change through change review, so an import that would change them is refused.
 */
export async function importWorkflows(ctx: TContext, rows: TInventoryWorkflow[]): Promise<TTally> {
  const tally: TTally = { created: 0, updated: 0, unchanged: 0 };
  const emails = [...new Set(rows.flatMap((w) => [w.ownerEmail, ...w.raci.map((r) => r.email)]))];
  const users = new Map(
    (await ctx.tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]),
  );
  for (const [i, row] of rows.entries()) {
    const outcome = await importOne(ctx, row, `workflows.${i}`, users);
    if (outcome) tally[outcome]++;
  }
  return tally;
}

async function importOne(ctx: TContext, row: TInventoryWorkflow, at: string, users: Map<string, string>): Promise<keyof TTally | null> {
  const { tx, actor, problems } = ctx;
  const before = problems.length;
  const ownerId = users.get(row.ownerEmail);
  if (!ownerId) problems.push({ path: `${at}.ownerEmail`, message: `No user has the email ${row.ownerEmail}` });
  row.raci.forEach((r, j) => {
    if (!users.has(r.email)) problems.push({ path: `${at}.raci.${j}.email`, message: `No user has the email ${r.email}` });
  });
  if (row.raci.filter((r) => r.role === "ACCOUNTABLE").length > 1)
    problems.push({ path: `${at}.raci`, message: "Name exactly one Accountable person" });
  let resolved: Awaited<ReturnType<typeof checkPermissionSet>> | null = null;
  try {
    resolved = await checkPermissionSet({ tx, set: row.permissions, at: `${at}.permissions` });
  } catch (error) {
    if (!(error instanceof AppError && error.fieldProblems)) throw error;
    problems.push(...error.fieldProblems);
  }
  const existing = await tx.workflow.findUnique({ where: { key: row.key } });
  const currentSet = existing && (await readPermissionSet({ tx, workflowId: existing.id }));
  const permissionChanges = currentSet ? diffPermissionSets(currentSet, row.permissions) : [];
  if (existing && existing.status !== "DRAFT" && permissionChanges.length) {
    problems.push({
      path: `${at}.permissions`,
      message: `${row.key} is ${existing.status.toLowerCase()}: its permissions change through change review, not import`,
    });
  }
  if (existing && existing.status !== "DRAFT" && existing.environment !== row.environment) {
    problems.push({ path: `${at}.environment`, message: `${row.key} is no longer a draft: its environment cannot change` });
  }
  if (problems.length > before || !ownerId || !resolved) return null;

  const raci = row.raci.map((r) => ({ userId: users.get(r.email)!, function: r.function, role: r.role }));
  const timeout = row.approvalTimeoutMinutes === undefined ? {} : { approvalTimeoutMinutes: row.approvalTimeoutMinutes };
  const basics = { name: row.name, purpose: row.purpose, environment: row.environment, ownerId, runbook: row.runbook, ...timeout };
  if (!existing) {
    const created = await tx.workflow.create({ data: { key: row.key, ...basics, raci: { create: raci } } });
    await writePermissionSet({ tx, workflowId: created.id, resolved });
    await recordAuditEvent(tx, actor, {
      action: "workflow.created",
      target: { type: "workflow", id: created.id },
      data: { after: { ...row, status: "DRAFT" } },
    });
    return "created";
  }
  const oldRaci = await tx.raciAssignment.findMany({
    where: { workflowId: existing.id },
    select: { userId: true, function: true, role: true },
  });
  const sortRaci = (list: typeof raci) => [...list].sort((a, b) => `${a.function}${a.userId}`.localeCompare(`${b.function}${b.userId}`));
  const changedBasics = Object.fromEntries(
    Object.entries(basics)
      .filter(([k, v]) => existing[k as keyof typeof basics] !== v)
      .map(([k, v]) => [k, { before: existing[k as keyof typeof basics], after: v }]),
  );
  const raciChanged = canonicalJson(sortRaci(oldRaci)) !== canonicalJson(sortRaci(raci));
  if (!Object.keys(changedBasics).length && !raciChanged && !permissionChanges.length) return "unchanged";

  const version = existing.version + 1;
  await tx.workflow.update({ where: { id: existing.id }, data: { ...basics, version } });
  const target = { type: "workflow", id: existing.id };
  if (Object.keys(changedBasics).length)
    await recordAuditEvent(tx, actor, { action: "workflow.updated", target, data: { changes: changedBasics, version } });
  if (raciChanged) {
    await tx.raciAssignment.deleteMany({ where: { workflowId: existing.id } });
    await tx.raciAssignment.createMany({ data: raci.map((r) => ({ ...r, workflowId: existing.id })) });
    await recordAuditEvent(tx, actor, {
      action: "workflow.raci.changed",
      target,
      data: { before: sortRaci(oldRaci), after: sortRaci(raci), version },
    });
  }
  if (permissionChanges.length) {
    await writePermissionSet({ tx, workflowId: existing.id, resolved });
    await recordAuditEvent(tx, actor, {
      action: "workflow.permissions.changed",
      target,
      data: { changes: permissionChanges, version, changeRequestId: null },
    });
  }
  return "updated";
}
