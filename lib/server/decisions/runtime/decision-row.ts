import "server-only";
import type { TDecisionRequestInput, TDecisionResponse } from "@/lib/contracts/decisions";

/** A decision as stored in `decisions` (column names), built from the request and the answer. */
export type TDecisionRow = {
  id: string;
  workflow_id: string;
  token_id: string;
  run_id: string;
  tool: string;
  model: string;
  data_classes: string[];
  outcome: "ALLOW" | "DENY" | "REQUIRE_APPROVAL";
  tier: string | null;
  reasons: TDecisionResponse["reasons"];
  registry_version: string;
  arguments_hash: string;
  approval_id: string | null;
  decided_at: string;
};

const OUTCOME = { allow: "ALLOW", deny: "DENY", require_approval: "REQUIRE_APPROVAL" } as const;

export function decisionRow(options: {
  request: TDecisionRequestInput;
  response: TDecisionResponse;
  workflowId: string;
  tokenId: string;
  approvalId: string | null;
}): TDecisionRow {
  const { request, response } = options;
  return {
    id: response.decisionId,
    workflow_id: options.workflowId,
    token_id: options.tokenId,
    run_id: request.runId,
    tool: request.tool,
    model: request.model,
    data_classes: request.dataClasses,
    outcome: OUTCOME[response.outcome],
    tier: response.tier,
    reasons: response.reasons,
    registry_version: response.registryVersion,
    arguments_hash: response.argumentsHash,
    approval_id: options.approvalId,
    decided_at: response.decidedAt,
  };
}
