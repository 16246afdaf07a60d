import "server-only";
import { ZDecisionResponse, type TDecisionResponse } from "@/lib/contracts/decisions";
import type { TDb } from "../../db/client";
import { AppError } from "../../errors";
import { describeDecisionReuse, type TDecisionBinding } from "./decision-binding";

const OUTCOME = { ALLOW: "allow", DENY: "deny", REQUIRE_APPROVAL: "require_approval" } as const;

/**
 * A decision id already in `decisions` (decided before a restart, by another instance, or gone
 * from the answer ring): the recorded row is the reference. The very same call gets the recorded
 * answer; any other call a 409 naming what differs. `again.workflow` is the workflow's id.
 */
export async function answerRecordedDecision(options: {
  db: TDb;
  decisionId: string;
  workflowKey: string;
  again: TDecisionBinding;
}): Promise<TDecisionResponse> {
  const { db, decisionId, workflowKey, again } = options;
  // The id is unique through the gate's insert, not a key (decisions is partitioned): the first row is the record.
  const row = await db.decision.findFirst({ where: { id: decisionId }, orderBy: { decidedAt: "asc" } });
  if (!row)
    throw new AppError(
      "conflict",
      `decisionId ${decisionId} is being used by another call right now; use a fresh decisionId for a different call`,
    );
  const first: TDecisionBinding = {
    workflow: row.workflowId,
    tokenId: row.tokenId,
    runId: row.runId,
    tool: row.tool,
    model: row.model,
    dataClasses: row.dataClasses,
    argumentsHash: row.argumentsHash,
  };
  const reuse = describeDecisionReuse({ decisionId, first, again });
  if (reuse) throw new AppError("conflict", reuse);

  const outcome = OUTCOME[row.outcome];
  const approval =
    outcome === "require_approval" && row.approvalId
      ? await db.approvalRequest.findUnique({ where: { id: row.approvalId }, select: { expiresAt: true } })
      : null;
  return ZDecisionResponse.parse({
    decisionId: row.id,
    runId: row.runId,
    workflowKey,
    tool: row.tool,
    decidedAt: row.decidedAt.toISOString(),
    registryVersion: row.registryVersion,
    tier: row.tier,
    argumentsHash: row.argumentsHash,
    reasons: row.reasons,
    outcome,
    ...(outcome === "require_approval"
      ? {
          approvalsRequired: row.tier === "T3" ? 2 : 1,
          approvalId: row.approvalId ?? undefined,
          approvalExpiresAt: approval?.expiresAt.toISOString(),
        }
      : {}),
  });
}
