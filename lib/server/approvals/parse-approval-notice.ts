import "server-only";
import { z } from "zod";
import { ZApprovalStatus } from "@/lib/contracts/approvals";
import type { TApprovalQueueStreamEvent } from "@/lib/contracts/approvals-console";

// The payload the approval_requests NOTIFY trigger sends.
const ZNotice = z.object({ id: z.string(), status: ZApprovalStatus, w: z.string() });

/** A tollgate_approval notification's payload, or null if it is not one. */
export function parseApprovalNotice(payload: string): TApprovalQueueStreamEvent | null {
  try {
    const notice = ZNotice.safeParse(JSON.parse(payload));
    return notice.success ? { id: notice.data.id, status: notice.data.status, workflowId: notice.data.w } : null;
  } catch {
    return null;
  }
}
