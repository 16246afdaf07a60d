import "server-only";
import type { TDashboard } from "@/lib/contracts/dashboard";
import type { TSessionUser } from "../authz/principal";
import { workflowReadWhere } from "../authz/workflow-scope";
import type { TTx } from "../db/client";

const HOUR_MS = 3_600_000;

/** Pending approval requests of workflows the user may see, against their deadlines: the soonest first. */
export async function readPendingApprovals(options: {
  db: TTx;
  user: TSessionUser;
  now: Date;
  limit: number;
}): Promise<TDashboard["pendingApprovals"]> {
  const { db, user, now, limit } = options;
  const pending = { status: "PENDING" as const, workflow: workflowReadWhere(user) };
  const [total, overdue, dueWithinHour, soonest] = await Promise.all([
    db.approvalRequest.count({ where: pending }),
    // Past its deadline but not yet closed by the sweeper: the gate already treats it as denied.
    db.approvalRequest.count({ where: { ...pending, expiresAt: { lt: now } } }),
    db.approvalRequest.count({ where: { ...pending, expiresAt: { gte: now, lt: new Date(now.getTime() + HOUR_MS) } } }),
    db.approvalRequest.findMany({
      where: pending,
      orderBy: { expiresAt: "asc" },
      take: limit,
      select: { id: true, workflowId: true, tool: true, tier: true, createdAt: true, expiresAt: true, workflow: { select: { key: true } } },
    }),
  ]);
  return {
    total,
    overdue,
    dueWithinHour,
    soonest: soonest.map((a) => ({
      id: a.id,
      workflowId: a.workflowId,
      workflowKey: a.workflow.key,
      tool: a.tool,
      tier: a.tier,
      requestedAt: a.createdAt.toISOString(),
      expiresAt: a.expiresAt.toISOString(),
    })),
  };
}
