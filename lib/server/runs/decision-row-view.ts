import "server-only";
import { ZRecordedReason, type TDecisionRow, type TRecordedReason } from "@/lib/contracts/runs";

export const DECISION_ROW_SELECT = {
  id: true,
  decidedAt: true,
  runId: true,
  tool: true,
  model: true,
  dataClasses: true,
  outcome: true,
  reasons: true,
  tier: true,
  approvalId: true,
  registryVersion: true,
} as const;

type TDecisionRecord = {
  id: string;
  decidedAt: Date;
  runId: string;
  tool: string;
  model: string;
  dataClasses: string[];
  outcome: TDecisionRow["outcome"];
  reasons: unknown;
  tier: TDecisionRow["tier"];
  approvalId: string | null;
  registryVersion: string;
};

/** Reasons as stored (JSON); an entry that is not a reason is left out rather than failing the page. */
export function recordedReasons(value: unknown): TRecordedReason[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = ZRecordedReason.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const NO_REASON: TRecordedReason = { rule: 0, code: "unrecorded", message: "The stored decision names no reason" };

export function toDecisionRow(row: TDecisionRecord): TDecisionRow {
  const reasons = recordedReasons(row.reasons);
  return {
    id: row.id,
    decidedAt: row.decidedAt.toISOString(),
    runId: row.runId,
    tool: row.tool,
    model: row.model,
    dataClasses: row.dataClasses,
    outcome: row.outcome,
    reason: reasons[0] ?? NO_REASON,
    reasons,
    tier: row.tier,
    approvalId: row.approvalId,
    registryVersion: row.registryVersion,
  };
}
