import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TRaciAssignment, TWorkflowDetail } from "@/lib/contracts/workflows";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { checkRaci } from "./check-raci";
import { getWorkflow } from "./get-workflow";
import { lockEditableWorkflow } from "./lock-editable-workflow";

const ORDER = ["WORKFLOW_OWNER", "DATA_OWNER", "PLATFORM_OWNER", "SECURITY"];
type TEntry = { email: string; function: string; role: string };
const canonical = (entries: TEntry[]) =>
  [...entries].sort((a, b) => ORDER.indexOf(a.function) - ORDER.indexOf(b.function) || a.email.localeCompare(b.email));
const same = (a: TEntry[], b: TEntry[]) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Replaces a workflow's RACI chart (exactly one Accountable; every function filled once it is
 * live) at the version the editor saw; audited as workflow.raci.changed with before and after.
 */
export async function replaceRaci(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  assignments: TRaciAssignment[];
  expectedVersion: number;
}): Promise<TWorkflowDetail> {
  const { tx, actor, user, id } = options;
  const current = await lockEditableWorkflow({ tx, user, id, expectedVersion: options.expectedVersion });
  const live = current.status === "ACTIVE" || current.status === "PAUSED";
  const checked = await checkRaci({ tx, assignments: options.assignments, requireAllFunctions: live, at: "body.assignments" });
  const rows = await tx.raciAssignment.findMany({
    where: { workflowId: id },
    select: { function: true, role: true, user: { select: { email: true } } },
  });
  const before = canonical(rows.map((r) => ({ email: r.user.email, function: r.function, role: r.role })));
  const after = canonical(checked.map((r) => ({ email: r.email, function: r.function, role: r.role })));
  if (same(before, after)) throw new AppError("bad_request", `Nothing to change: ${current.key} already has this RACI chart`);

  const version = current.version + 1;
  // Recorded before the write, so this event never appears to postdate the version it produces.
  await recordAuditEvent(tx, actor, {
    action: "workflow.raci.changed",
    target: { type: "workflow", id },
    data: { before, after, version },
  });
  await tx.raciAssignment.deleteMany({ where: { workflowId: id } });
  await tx.raciAssignment.createMany({
    data: checked.map((r) => ({ workflowId: id, userId: r.userId, function: r.function, role: r.role })),
  });
  await tx.workflow.update({ where: { id }, data: { version } });
  return getWorkflow({ tx, user, id });
}
