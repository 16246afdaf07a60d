import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { assessReadiness } from "./assess-readiness";
import { getWorkflow } from "./get-workflow";
import { lockEditableWorkflow } from "./lock-editable-workflow";

type TStatus = "DRAFT" | "ACTIVE" | "PAUSED" | "RETIRED";

// Retired is final: lockEditableWorkflow refuses any change to a retired workflow.
const NEXT: Record<TStatus, readonly TStatus[]> = {
  DRAFT: ["ACTIVE", "RETIRED"],
  ACTIVE: ["PAUSED", "RETIRED"],
  PAUSED: ["ACTIVE", "RETIRED"],
  RETIRED: [],
};

/**
 * Moves a workflow along draft → active ⇄ paused → retired. Going (back) to active needs a complete
 * registration, else a conflict lists exactly what is missing. Audited; version + 1.
 */
export async function changeWorkflowStatus(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  id: string;
  to: "ACTIVE" | "PAUSED" | "RETIRED";
  reason?: string;
  expectedVersion: number;
}): Promise<TWorkflowDetail> {
  const { tx, actor, user, id, to } = options;
  const current = await lockEditableWorkflow({ tx, user, id, expectedVersion: options.expectedVersion });
  if (!NEXT[current.status].includes(to)) {
    const allowed = NEXT[current.status].join(" or ");
    throw new AppError("conflict", `${current.key} is ${current.status}; from there it can become ${allowed}, not ${to}`, [
      { path: "body.to", message: `A ${current.status} workflow can become ${allowed}` },
    ]);
  }
  if (to === "ACTIVE") {
    const readiness = await assessReadiness({ tx, workflowId: id });
    if (!readiness.ready) {
      throw new AppError(
        "conflict",
        `${current.key} cannot be activated yet. Missing: ${readiness.missing.map((m) => m.message).join("; ")}`,
        readiness.missing.map((m) => ({ path: `readiness.${m.code}`, message: m.message })),
      );
    }
  }
  const version = current.version + 1;
  const reason = options.reason?.trim() || undefined;
  // Recorded before the write, so this event never appears to postdate the version it produces.
  await recordAuditEvent(tx, actor, {
    action: "workflow.status.changed",
    target: { type: "workflow", id },
    data: { before: current.status, after: to, ...(reason ? { reason } : {}) },
  });
  await tx.workflow.update({ where: { id }, data: { status: to, version } });
  return getWorkflow({ tx, user, id });
}
