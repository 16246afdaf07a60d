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

/**
 * Stores decision rows sent as one JSON array ($1). `decisions` is partitioned by decided_at, so its
 * key is (id, decided_at) and ON CONFLICT only catches the same row again; the id stays unique
 * because a row whose id is stored already (in any partition: the key's leading column finds it)
 * or earlier in the same array is skipped. What is left: two writers storing one id with different
 * decided_at at the same moment, neither committed when the other looks, both store it (the first
 * row then answers; see answer-recorded-decision.ts). Columns are named: the table has more
 * (ingest_xid) that the JSON must not set.
 */
export const INSERT_DECISION_ROWS = `
  INSERT INTO decisions (id, workflow_id, token_id, run_id, tool, model, data_classes, outcome, tier, reasons, registry_version,
    arguments_hash, approval_id, decided_at)
  SELECT DISTINCT ON (r.id) r.id, r.workflow_id, r.token_id, r.run_id, r.tool, r.model, r.data_classes, r.outcome, r.tier, r.reasons,
    r.registry_version, r.arguments_hash, r.approval_id, r.decided_at
  FROM json_populate_recordset(NULL::decisions, $1::json) WITH ORDINALITY AS r
  WHERE NOT EXISTS (SELECT 1 FROM decisions d WHERE d.id = r.id)
  ORDER BY r.id, r.ordinality
  ON CONFLICT (id, decided_at) DO NOTHING`;

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
