import "server-only";
import { z } from "zod";
import { ZDecisionReason } from "@/lib/contracts/decisions";
import type { TApprovalWebhookData, TWebhookEventType } from "@/lib/contracts/webhooks";
import type { TTx } from "../db/client";
import { enqueueWebhookEvent } from "../webhooks/enqueue-webhook-event";

const ZReasons = z.array(ZDecisionReason);

/**
 * Queues `type` for each request, as it stands in `tx` now: the notification goes out if and only
 * if the change it announces commits.
 */
export async function announceApprovals(tx: TTx, type: TWebhookEventType, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await tx.approvalRequest.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      status: true,
      tool: true,
      tier: true,
      approvalsRequired: true,
      argumentsHash: true,
      expiresAt: true,
      outcomeReason: true,
      breakGlass: true,
      reasons: true,
      workflow: { select: { key: true, name: true } },
      _count: { select: { votes: { where: { vote: "APPROVE" } } } },
    },
  });
  for (const row of rows) {
    const policyReason = ZReasons.safeParse(row.reasons).data?.[0]?.message ?? null;
    const data: TApprovalWebhookData = {
      id: row.id,
      status: row.status,
      workflowKey: row.workflow.key,
      workflowName: row.workflow.name,
      tool: row.tool,
      tier: row.tier,
      approvalsRequired: row.approvalsRequired,
      approvals: row._count.votes,
      argumentsHash: row.argumentsHash,
      expiresAt: row.expiresAt.toISOString(),
      reason: row.status === "PENDING" ? policyReason : row.outcomeReason,
      breakGlass: row.breakGlass,
    };
    await enqueueWebhookEvent(tx, { type, data });
  }
}
