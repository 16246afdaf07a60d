import { z } from "zod";
import { ZApprovalStatus } from "./approvals";
import { ZDecisionReason } from "./decisions";
import { ZApprovalTier, ZConsequence, ZEnvironment, ZRaciFunction, ZRaciRole, ZWorkflowStatus } from "./registry-enums";

// The console's side of approvals: the queue people work, one request in full, the decided history.

export const ZApprovalIdParams = z.object({ id: z.uuid("Not an approval request id") });

export const APPROVAL_PAGE_DEFAULT = 50;
export const APPROVAL_PAGE_MAX = 200;

const ZKey = z.string().trim().min(1).max(120);
const ZLimit = z.coerce.number().int().min(1).max(APPROVAL_PAGE_MAX).default(APPROVAL_PAGE_DEFAULT);
/** Opaque: the previous page's `nextCursor`. */
const ZCursor = z.string().trim().min(1).max(200);

export const ZApprovalQueueQuery = z.object({
  /** A workflow key. */
  workflow: ZKey.optional(),
  tier: z.enum(["T2", "T3"]).optional(),
  /** A tool key. */
  tool: ZKey.optional(),
  environment: ZEnvironment.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});
export type TApprovalQueueQuery = z.input<typeof ZApprovalQueueQuery>;
export type TApprovalQueueQueryInput = z.output<typeof ZApprovalQueueQuery>;

const ZApprovalPerson = z.object({ id: z.string(), name: z.string(), email: z.string() });
const ZApprovalWorkflowRef = z.object({ id: z.string(), key: z.string(), name: z.string(), environment: ZEnvironment });

/** One pending request in someone's queue: enough to triage, the detail has the rest. */
export const ZApprovalQueueItem = z.object({
  id: z.string(),
  workflow: ZApprovalWorkflowRef,
  tool: z.string(),
  consequence: ZConsequence,
  tier: ZApprovalTier,
  model: z.string(),
  runId: z.string(),
  approvalsRequired: z.number().int(),
  approvals: z.number().int(),
  createdAt: z.iso.datetime(),
  escalateAt: z.iso.datetime(),
  /** Set once the request was escalated to Security: shown highlighted. */
  escalatedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime(),
  /** False when only break-glass is open to this viewer (Security, before escalation). */
  canVote: z.boolean(),
});
export type TApprovalQueueItem = z.infer<typeof ZApprovalQueueItem>;

export const ZApprovalQueuePage = z.object({
  /** Soonest deadline first. */
  items: z.array(ZApprovalQueueItem),
  /** Every pending request this viewer may decide under these filters, across pages. */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  /** The server's clock when it answered, so countdowns start from the same instant everywhere. */
  asOf: z.iso.datetime(),
});
export type TApprovalQueuePage = z.infer<typeof ZApprovalQueuePage>;

export const ZApprovalVoteView = z.object({
  user: ZApprovalPerson,
  vote: z.enum(["APPROVE", "DENY"]),
  reason: z.string(),
  breakGlass: z.boolean(),
  incidentRef: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

/** What this viewer may do with the request, decided on the server by the same rules the vote applies. */
export const ZApprovalViewerRights = z.object({
  canVote: z.boolean(),
  canBreakGlass: z.boolean(),
  /** Why voting is closed to this viewer, in words to show them; null when they may vote. */
  refusal: z.string().nullable(),
});

export const ZApprovalRunEvent = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: z.iso.datetime(),
  tool: z.string().nullable(),
  model: z.string().nullable(),
  outcome: z.string().nullable(),
  /** Redacted when it was reported. */
  data: z.unknown(),
});

export const ZApprovalTrailEntry = z.object({
  action: z.string(),
  actorLabel: z.string(),
  occurredAt: z.iso.datetime(),
  data: z.unknown(),
});

export const ZApprovalDetail = z.object({
  id: z.string(),
  /** As the waiting automation reads it: a pending request past its deadline reads EXPIRED. */
  status: ZApprovalStatus,
  workflow: ZApprovalWorkflowRef.extend({
    status: ZWorkflowStatus,
    purpose: z.string(),
    runbook: z.string(),
    owner: ZApprovalPerson,
    raci: z.array(z.object({ user: ZApprovalPerson, function: ZRaciFunction, role: ZRaciRole })),
  }),
  tool: z.object({ key: z.string(), name: z.string().nullable(), system: z.string().nullable() }),
  consequence: ZConsequence,
  tier: ZApprovalTier,
  approvalsRequired: z.number().int(),
  approvals: z.number().int(),
  /** Redacted before it was stored: approvers see what the tool will do, never a secret. */
  arguments: z.unknown(),
  argumentsHash: z.string(),
  dataClasses: z.array(z.string()),
  model: z.string(),
  reasons: z.array(ZDecisionReason),
  registryVersion: z.string(),
  runId: z.string(),
  /** The service token that asked, if it still exists. */
  requestedBy: z.object({ prefix: z.string(), name: z.string(), createdBy: ZApprovalPerson }).nullable(),
  /** The run's reported events so far, oldest first (the latest ones when there are many). */
  runEvents: z.array(ZApprovalRunEvent),
  /** Earlier approval requests of this workflow, newest first. */
  earlier: z.array(
    z.object({
      id: z.string(),
      tool: z.string(),
      status: ZApprovalStatus,
      createdAt: z.iso.datetime(),
      decidedAt: z.iso.datetime().nullable(),
      breakGlass: z.boolean(),
    }),
  ),
  votes: z.array(ZApprovalVoteView),
  /** This request's entries in the audit log, oldest first. */
  trail: z.array(ZApprovalTrailEntry),
  createdAt: z.iso.datetime(),
  escalateAt: z.iso.datetime(),
  escalatedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  outcomeReason: z.string().nullable(),
  breakGlass: z.boolean(),
  consumed: z.boolean(),
  viewer: ZApprovalViewerRights,
  asOf: z.iso.datetime(),
});
export type TApprovalDetail = z.infer<typeof ZApprovalDetail>;

/** What a vote did: still waiting (and for how many more), or the outcome it produced. */
export const ZApprovalVoteOutcome = z.object({
  id: z.string(),
  status: ZApprovalStatus,
  approvals: z.number().int(),
  approvalsRequired: z.number().int(),
  breakGlass: z.boolean(),
  message: z.string(),
});
export type TApprovalVoteOutcome = z.infer<typeof ZApprovalVoteOutcome>;

export const ZDecidedApprovalStatus = z.enum(["APPROVED", "DENIED", "EXPIRED", "CANCELLED"]);

export const ZApprovalHistoryQuery = z.object({
  workflow: ZKey.optional(),
  tool: ZKey.optional(),
  status: ZDecidedApprovalStatus.optional(),
  /** An approver's email (or part of it): requests they voted on. */
  approver: z.string().trim().min(1).max(320).optional(),
  /** Free text: matched against the workflow, tool, run id and the deciding reason. */
  q: z.string().trim().min(1).max(200).optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});
export type TApprovalHistoryQuery = z.input<typeof ZApprovalHistoryQuery>;
export type TApprovalHistoryQueryInput = z.output<typeof ZApprovalHistoryQuery>;

export const ZApprovalHistoryItem = z.object({
  id: z.string(),
  workflow: ZApprovalWorkflowRef,
  tool: z.string(),
  tier: ZApprovalTier,
  status: ZDecidedApprovalStatus,
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  outcomeReason: z.string().nullable(),
  breakGlass: z.boolean(),
  votes: z.array(z.object({ user: ZApprovalPerson, vote: z.enum(["APPROVE", "DENY"]), breakGlass: z.boolean() })),
  /** The audit log filtered to this request. */
  auditHref: z.string(),
});
export type TApprovalHistoryItem = z.infer<typeof ZApprovalHistoryItem>;

export const ZApprovalHistoryPage = z.object({
  items: z.array(ZApprovalHistoryItem),
  nextCursor: z.string().nullable(),
  asOf: z.iso.datetime(),
});
export type TApprovalHistoryPage = z.infer<typeof ZApprovalHistoryPage>;

/**
 * `GET /api/v1/approval-queue/stream` (Server-Sent Events): an `approval` event whenever a request
 * is created or changes (its id, status and workflow id, nothing else), and `resync` when changes
 * may have been missed (the server's database listener reconnected): reload then.
 */
export const ZApprovalQueueStreamEvent = z.object({ id: z.string(), status: ZApprovalStatus, workflowId: z.string() });
export type TApprovalQueueStreamEvent = z.infer<typeof ZApprovalQueueStreamEvent>;

/** The audit log filtered to one approval request's trail. */
export const approvalAuditHref = (id: string) => `/audit?target=${encodeURIComponent(`approval:${id}`)}`;
