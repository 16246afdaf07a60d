import { z } from "zod";
import { ZCatalogKey } from "./registry";
import { ZApprovalTier } from "./registry-enums";

export const ZModelRef = z
  .string()
  .regex(/^[^/\s]+\/[^/\s]+\/[^/\s]+$/, "Name the model as provider/model/version, e.g. openai/gpt-4.1/2025-04-14");

/**
 * What an automation asks before a tool call (`POST /api/v1/decisions`). The workflow is the one
 * its service token belongs to, never a field of the body.
 */
export const ZDecisionRequest = z.object({
  /**
   * Chosen by the caller so a retried request is answered from the recorded decision, not decided
   * twice. Bound to its call: the same token, run, tool, model, data classes and arguments get
   * the first answer; anything else with this id is a 409.
   */
  decisionId: z.uuid("Send the decision id as a UUID").optional(),
  runId: z.string().trim().min(1, "Send the run id").max(200, "Use at most 200 characters"),
  tool: ZCatalogKey,
  arguments: z.record(z.string(), z.unknown()),
  /** Keys of the data classes this call touches. */
  dataClasses: z.array(ZCatalogKey).max(50, "Name at most 50 data classes").default([]),
  model: ZModelRef,
  /** An approval granted for exactly these arguments: a T2/T3 call passes rule 9 with it, once. */
  approvalId: z.uuid("Send the approval id as a UUID").optional(),
});
export type TDecisionRequest = z.input<typeof ZDecisionRequest>;
export type TDecisionRequestInput = z.output<typeof ZDecisionRequest>;

/** Every reason code, with the PRODUCT.md rule that produces it: the rule order is the evaluation order. */
export const RULE_OF_REASON = {
  kill_switch_engaged: 1,
  kill_switch_state_unknown: 1,
  workflow_not_active: 2,
  token_environment_mismatch: 2,
  tool_not_allowed: 3,
  arguments_violate_contract: 4,
  arguments_violate_constraints: 4,
  data_class_not_declared: 5,
  dlp_undeclared_class: 5,
  dlp_scan_incomplete: 5,
  model_not_approved: 6,
  model_suspended: 6,
  model_not_approved_for_sensitivity: 6,
  rate_limited: 7,
  policy_forbids: 8,
  approval_required: 9,
  approval_granted: 9,
  approval_pending: 9,
  approval_not_found: 9,
  approval_arguments_mismatch: 9,
  approval_denied: 9,
  approval_expired: 9,
  approval_already_used: 9,
  allowed: 10,
} as const;
export type TDecisionReasonCode = keyof typeof RULE_OF_REASON;

const REASON_CODES = Object.keys(RULE_OF_REASON) as [TDecisionReasonCode, ...TDecisionReasonCode[]];
export const ZDecisionReasonCode = z.enum(REASON_CODES);

export const ZDecisionReason = z.object({
  rule: z.number().int().min(1).max(10),
  code: ZDecisionReasonCode,
  /** Says exactly what fired: which switch, field, limit, model or policy. */
  message: z.string(),
  /** The argument the reason is about, e.g. `amount` or `items[0].sku`. */
  path: z.string().optional(),
});
export type TDecisionReason = z.infer<typeof ZDecisionReason>;

const ZDecisionBase = z.object({
  decisionId: z.uuid(),
  runId: z.string(),
  workflowKey: z.string(),
  tool: z.string(),
  decidedAt: z.iso.datetime(),
  /** The registry snapshot the decision was made against. */
  registryVersion: z.string(),
  /** The tool's approval tier for this workflow; null when the tool is not on its allowlist. */
  tier: ZApprovalTier.nullable(),
  /** SHA-256 (hex) of the arguments as canonical JSON (keys sorted): what an approval is bound to. */
  argumentsHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The rule that decided, one entry per thing it found; evaluation stops at the first rule that fires. */
  reasons: z.array(ZDecisionReason).min(1),
});

export const ZDecisionResponse = z.discriminatedUnion("outcome", [
  ZDecisionBase.extend({ outcome: z.literal("allow") }),
  ZDecisionBase.extend({
    outcome: z.literal("deny"),
    /** Rule 7 only: when a retry can succeed. */
    retryAfterSeconds: z.number().int().min(1).optional(),
  }),
  ZDecisionBase.extend({
    outcome: z.literal("require_approval"),
    tier: z.enum(["T2", "T3"]),
    /** Distinct approvers needed: 1 for T2, 2 for T3. */
    approvalsRequired: z.union([z.literal(1), z.literal(2)]),
    /** The request people decide; wait on `GET /api/v1/approvals/{id}`, then decide again with it. */
    approvalId: z.uuid().optional(),
    approvalExpiresAt: z.iso.datetime().optional(),
  }),
]);
export type TDecisionResponse = z.infer<typeof ZDecisionResponse>;
