import { z } from "zod";
import { ZDecisionRequest } from "./decisions";
import { ZApprovalTier } from "./registry-enums";

export const ZApprovalStatus = z.enum(["PENDING", "APPROVED", "DENIED", "EXPIRED", "CANCELLED"]);
export type TApprovalStatus = z.infer<typeof ZApprovalStatus>;

/**
 * `POST /api/v1/approvals`: an automation asks people before a call. The call still passes
 * rules 1–8 first (nobody is asked to approve what the gate would deny anyway).
 */
export const ZCreateApprovalRequest = ZDecisionRequest.omit({ decisionId: true, approvalId: true });

/** What a waiting automation reads (`GET /api/v1/approvals/{id}`, optionally `?waitSeconds=`). */
export const ZApprovalState = z.object({
  id: z.uuid(),
  status: ZApprovalStatus,
  workflowKey: z.string(),
  runId: z.string(),
  tool: z.string(),
  tier: ZApprovalTier,
  approvalsRequired: z.number().int(),
  approvals: z.number().int(),
  argumentsHash: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  escalatedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  /** The deciding reason: the deny's reason, the last approval's, or why it expired or was cancelled. */
  outcomeReason: z.string().nullable(),
  breakGlass: z.boolean(),
  /** Whether an approved request was already spent on its call. */
  consumed: z.boolean(),
});
export type TApprovalState = z.infer<typeof ZApprovalState>;

export const APPROVAL_WAIT_MAX_SECONDS = 55;
export const ZApprovalWaitQuery = z.object({
  waitSeconds: z.coerce
    .number()
    .int()
    .min(0)
    .max(APPROVAL_WAIT_MAX_SECONDS, `Wait at most ${APPROVAL_WAIT_MAX_SECONDS} seconds per request`)
    .default(0),
});

/** A person's decision. A reason always; break-glass (SECURITY only) needs an incident reference. */
export const ZApprovalVote = z.object({
  vote: z.enum(["APPROVE", "DENY"]),
  reason: z.string().trim().min(3, "Give a reason of at least 3 characters").max(2000, "Use at most 2,000 characters"),
  breakGlass: z.object({ incidentRef: z.string().trim().min(3, "Give the incident reference (e.g. INC-1234)").max(200) }).optional(),
});
export type TApprovalVote = z.infer<typeof ZApprovalVote>;
