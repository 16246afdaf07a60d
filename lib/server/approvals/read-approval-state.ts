import "server-only";
import type { TApprovalState } from "@/lib/contracts/approvals";
import type { TTx } from "../db/client";
import { APPROVAL_STATE_SELECT, toApprovalState } from "./approval-state-view";

/** What the waiting automation sees; scoped to its own workflow, so another workflow's id finds nothing. */
export async function readApprovalState(db: TTx, options: { id: string; workflowId: string; now?: Date }): Promise<TApprovalState | null> {
  const row = await db.approvalRequest.findFirst({
    where: { id: options.id, workflowId: options.workflowId },
    select: APPROVAL_STATE_SELECT,
  });
  return row ? toApprovalState(row, options.now ?? new Date()) : null;
}
