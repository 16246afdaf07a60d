import "server-only";
import type { TDb } from "../db/client";

/**
 * Would `consumeApproval` spend this approval for this call (granted, unspent, same tool and
 * arguments)? Read before the rate limit is taken: the decision that opened the approval already
 * counted, so spending it does not count again. The spend itself stays the one atomic check.
 */
export async function isApprovalSpendable(
  db: TDb,
  options: { id: string; workflowId: string; tool: string; argumentsHash: string },
): Promise<boolean> {
  const { id, workflowId, tool, argumentsHash } = options;
  const found = await db.approvalRequest.count({ where: { id, workflowId, tool, argumentsHash, status: "APPROVED", consumedAt: null } });
  return found === 1;
}
