import "server-only";
import type { TSessionUser } from "../../authz/principal";
import { workflowEditWhere, workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import { conflict, forbidden, notFound } from "../../errors";
import { describeWorkflowChangesSince } from "./describe-workflow-changes-since";

const EDITABLE_SELECT = {
  id: true,
  key: true,
  name: true,
  purpose: true,
  runbook: true,
  approvalTimeoutMinutes: true,
  environment: true,
  status: true,
  version: true,
  owner: { select: { id: true, name: true, email: true } },
} as const;

export type TEditableWorkflow = {
  id: string;
  key: string;
  name: string;
  purpose: string;
  runbook: string;
  approvalTimeoutMinutes: number;
  environment: "DEV" | "STAGING" | "PROD";
  status: "DRAFT" | "ACTIVE" | "PAUSED" | "RETIRED";
  version: number;
  owner: { id: string; name: string; email: string };
};

async function staleEdit(tx: TTx, current: TEditableWorkflow, expected: number) {
  const happened = await describeWorkflowChangesSince({ tx, workflowId: current.id, since: expected, current: current.version });
  const since = happened.length ? ` Since then: ${happened.join("; ")}.` : "";
  const now = `Now: name "${current.name}", status ${current.status}, environment ${current.environment}, owner ${current.owner.email}.`;
  return conflict(
    `${current.key} is at version ${current.version}, but you edited version ${expected}.${since} ${now} Reload and apply your change again.`,
  );
}

/**
 * Row-locks a workflow `user` may change, at the version they edited, for the rest of `tx`.
 * Not visible to them: not found. Visible but not theirs: forbidden. Changed since: conflict.
 */
export async function lockEditableWorkflow(options: {
  tx: TTx;
  user: TSessionUser;
  id: string;
  expectedVersion: number;
}): Promise<TEditableWorkflow> {
  const { tx, user, id, expectedVersion } = options;
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM workflows WHERE id = ${id}::uuid FOR UPDATE`;
  if (!locked.length) throw notFound("The workflow");
  const row = await tx.workflow.findFirst({ where: { AND: [{ id }, workflowEditWhere(user)] }, select: EDITABLE_SELECT });
  if (!row) {
    const readable = await tx.workflow.count({ where: { AND: [{ id }, workflowReadWhere(user)] } });
    throw readable ? forbidden("Only the workflow's owner or an administrator may change it") : notFound("The workflow");
  }
  if (row.version !== expectedVersion) throw await staleEdit(tx, row, expectedVersion);
  if (row.status === "RETIRED") throw conflict(`${row.key} is retired: it stays in the registry as a record and no longer changes`);
  return row;
}
