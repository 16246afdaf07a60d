import { z } from "zod";
import { ZApprovalTier, ZConsequence, ZEnvironment, ZSensitivity, ZWorkflowStatus } from "./registry-enums";
import { ZPermissionChange, ZPermissionSet } from "./registry";

export const ZWorkflowIdParams = z.object({ id: z.uuid("Not a workflow id") });
export const ZChangeIdParams = z.object({ id: z.uuid("Not a change request id") });

const ZPerson = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type TPerson = z.infer<typeof ZPerson>;

export const ZWorkflowSummary = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  status: ZWorkflowStatus,
  environment: ZEnvironment,
  version: z.number().int(),
});
export type TWorkflowSummary = z.infer<typeof ZWorkflowSummary>;

// ── Permissions editor ───────────────────────────────────────────────────────────────────────

/** A whole new permission set, edited against the workflow version the editor saw. */
export const ZPermissionEdit = z.object({
  permissions: ZPermissionSet,
  expectedVersion: z.number().int().min(1),
});
export type TPermissionEdit = z.input<typeof ZPermissionEdit>;
export type TPermissionEditInput = z.output<typeof ZPermissionEdit>;

export const ZWorkflowPermissions = z.object({
  workflow: ZWorkflowSummary,
  permissions: ZPermissionSet,
  /** The one change request awaiting review, if any: a second cannot be opened meanwhile. */
  pendingChange: z.object({ id: z.string(), summary: z.string(), createdAt: z.string(), requestedBy: ZPerson }).nullable(),
  /** Whether the caller may edit (a draft) or propose changes (an active or paused workflow). */
  canEdit: z.boolean(),
});
export type TWorkflowPermissions = z.infer<typeof ZWorkflowPermissions>;

export const ZPermissionPreview = z.object({ changes: z.array(ZPermissionChange) });
export type TPermissionPreview = z.infer<typeof ZPermissionPreview>;

export const ZPermissionsApplied = z.object({
  version: z.number().int(),
  changes: z.array(ZPermissionChange),
  permissions: ZPermissionSet,
});
export type TPermissionsApplied = z.infer<typeof ZPermissionsApplied>;

/** What the editor offers: the catalogs, with what each choice implies. */
export const ZPermissionChoices = z.object({
  dataClasses: z.array(z.object({ key: z.string(), name: z.string(), sensitivity: ZSensitivity })),
  models: z.array(z.object({ ref: z.string(), status: z.enum(["APPROVED", "SUSPENDED"]), maxSensitivity: ZSensitivity })),
  tools: z.array(
    z.object({ key: z.string(), name: z.string(), system: z.string(), consequence: ZConsequence, defaultTier: ZApprovalTier }),
  ),
});
export type TPermissionChoices = z.infer<typeof ZPermissionChoices>;

// ── Change review ────────────────────────────────────────────────────────────────────────────

export const ZChangeStatus = z.enum(["PENDING", "APPROVED", "REJECTED", "WITHDRAWN"]);
export const ZChangeSubject = z.enum(["WORKFLOW", "POLICY"]);
export type TChangeStatus = z.infer<typeof ZChangeStatus>;

export const ZChangeRequestView = z.object({
  id: z.string(),
  subject: ZChangeSubject,
  status: ZChangeStatus,
  summary: z.string(),
  /** The frozen diff, one readable line per change. */
  lines: z.array(z.string()),
  diff: z.unknown(),
  proposed: z.unknown(),
  baseVersion: z.number().int(),
  workflow: ZWorkflowSummary.nullable(),
  policy: z.object({ id: z.string(), key: z.string(), name: z.string(), version: z.number().int() }).nullable(),
  /** Pending, but its subject has moved past `baseVersion`: approving it would be refused. */
  stale: z.boolean(),
  requestedBy: ZPerson,
  reviewedBy: ZPerson.nullable(),
  reviewReason: z.string().nullable(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type TChangeRequestView = z.infer<typeof ZChangeRequestView>;

export const ZChangeRequestList = z.object({
  changes: z.array(ZChangeRequestView),
  /** The server's clock when it answered, so ages read the same on the server and in the browser. */
  asOf: z.string(),
});
export type TChangeRequestList = z.infer<typeof ZChangeRequestList>;

export const ZChangeHistoryEntry = z.object({
  action: z.string(),
  actorLabel: z.string(),
  occurredAt: z.string(),
  reason: z.string().nullable(),
});
export const ZChangeRequestDetail = ZChangeRequestView.extend({ history: z.array(ZChangeHistoryEntry), asOf: z.string() });
export type TChangeRequestDetail = z.infer<typeof ZChangeRequestDetail>;

export const CHANGES_PAGE_DEFAULT = 50;

export const ZChangesQuery = z.object({
  status: ZChangeStatus.optional(),
  subject: ZChangeSubject.optional(),
  /** A workflow's id or key. */
  workflow: z.string().trim().min(1).max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(CHANGES_PAGE_DEFAULT),
});
/** One workflow's change requests: the workflow comes from the path. */
export const ZWorkflowChangesQuery = ZChangesQuery.omit({ workflow: true });
export type TChangesQuery = z.input<typeof ZChangesQuery>;
export type TChangesQueryInput = z.output<typeof ZChangesQuery>;

export const ZChangeDecision = z.object({
  reason: z.string().trim().min(1, "Give a reason for your decision").max(2000, "Keep the reason under 2,000 characters"),
});
export type TChangeDecision = z.input<typeof ZChangeDecision>;
