import { z } from "zod";
import { ZPermissionSet, ZWorkflowKey } from "./registry";
import {
  ZApprovalTier,
  ZConsequence,
  ZDataTag,
  ZEnvironment,
  ZRaciFunction,
  ZRaciRole,
  ZSensitivity,
  ZWorkflowStatus,
} from "./registry-enums";
import { ZRole } from "./roles";

export const ZModelStatus = z.enum(["APPROVED", "SUSPENDED"]);
export const WORKFLOW_SORTS = ["name", "key", "updatedAt", "status"] as const;
export const WORKFLOW_PAGE_SIZE = 25;
export const WORKFLOW_PAGE_SIZE_MAX = 100;

// A GET form sends "" for "any"; that means the filter is off.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const ZWorkflowListQuery = z.object({
  /** Part of the key or the name, any case. */
  search: optional(z.string().trim().max(100)),
  status: optional(ZWorkflowStatus),
  environment: optional(ZEnvironment),
  ownerId: optional(z.uuid("Not a user id")),
  /** At least: CONFIDENTIAL finds workflows whose highest declared data class is CONFIDENTIAL or RESTRICTED. */
  maxSensitivity: optional(ZSensitivity),
  /** At least: T2 finds workflows that may call a tool needing T2 or T3 approval. */
  maxTier: optional(ZApprovalTier),
  /** true: only workflows an engaged kill switch halts, wholly or in part; false: only the others. */
  halted: optional(z.stringbool({ error: "Use halted=true or halted=false" })),
  sort: optional(z.enum(WORKFLOW_SORTS)),
  /** Defaults to newest first for updatedAt, A→Z otherwise. */
  order: optional(z.enum(["asc", "desc"])),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
  pageSize: optional(z.coerce.number().int().min(1).max(WORKFLOW_PAGE_SIZE_MAX)),
});
export type TWorkflowListQuery = z.output<typeof ZWorkflowListQuery>;

export const ZPerson = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type TPerson = z.infer<typeof ZPerson>;

export const ZWorkflowSummary = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  environment: ZEnvironment,
  status: ZWorkflowStatus,
  owner: ZPerson,
  maxSensitivity: ZSensitivity.nullable(),
  maxTier: ZApprovalTier.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TWorkflowSummary = z.infer<typeof ZWorkflowSummary>;

/**
 * Engaged kill switches that stop this workflow: `whole` when every call is denied (GLOBAL or its
 * own switch), otherwise some calls (a tool on its allowlist, one of its models or their provider).
 * `by` names each switch's target, e.g. "tool stripe.refund".
 */
export const ZWorkflowHalt = z.object({ whole: z.boolean(), by: z.array(z.string()) });
export type TWorkflowHalt = z.infer<typeof ZWorkflowHalt>;

export const ZWorkflowListItem = ZWorkflowSummary.extend({ halt: ZWorkflowHalt.nullable() });
export type TWorkflowListItem = z.infer<typeof ZWorkflowListItem>;

export const ZWorkflowList = z.object({
  items: z.array(ZWorkflowListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
});
export type TWorkflowList = z.infer<typeof ZWorkflowList>;

export const ZRaciAssignment = z.object({ userId: z.uuid("Choose a person"), function: ZRaciFunction, role: ZRaciRole });
export type TRaciAssignment = z.infer<typeof ZRaciAssignment>;
const ZRaciAssignments = z.array(ZRaciAssignment).max(200);

const ZName = z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters");
const ZPurpose = z.string().trim().min(1, "Say what the workflow does and why").max(2_000, "Use at most 2,000 characters");
const ZRunbook = z.string().trim().max(20_000, "Use at most 20,000 characters");
export const APPROVAL_TIMEOUT_DEFAULT_MINUTES = 60;
/** How long an approval request waits before it counts as denied; it escalates to Security at half. */
export const ZApprovalTimeoutMinutes = z
  .number({ error: "Enter the approval timeout in whole minutes" })
  .int("Enter whole minutes")
  .min(1, "Use at least 1 minute")
  .max(10_080, "Use at most 10,080 minutes (7 days)");
/** The workflow version the editor saw; a newer one means someone else changed it first. */
const ZExpectedVersion = z.number({ error: "Send the version you edited" }).int().min(1);

export const ZCreateWorkflow = z.object({
  key: ZWorkflowKey,
  name: ZName,
  purpose: ZPurpose,
  environment: ZEnvironment,
  runbook: ZRunbook.default(""),
  approvalTimeoutMinutes: ZApprovalTimeoutMinutes.default(APPROVAL_TIMEOUT_DEFAULT_MINUTES),
  /** Defaults to the signed-in user; only an ADMIN may name someone else. */
  ownerId: z.uuid("Choose an owner").optional(),
  /** Defaults to the owner as Accountable workflow owner. */
  raci: ZRaciAssignments.default([]),
  permissions: ZPermissionSet.default({ dataClassKeys: [], modelRefs: [], tools: [] }),
});
export type TCreateWorkflow = z.input<typeof ZCreateWorkflow>;
export type TCreateWorkflowInput = z.output<typeof ZCreateWorkflow>;

export const ZUpdateWorkflow = z
  .object({
    name: ZName.optional(),
    purpose: ZPurpose.optional(),
    runbook: ZRunbook.optional(),
    approvalTimeoutMinutes: ZApprovalTimeoutMinutes.optional(),
    /** ADMIN only. */
    ownerId: z.uuid("Choose an owner").optional(),
    /** Only while the workflow is a draft. */
    environment: ZEnvironment.optional(),
    expectedVersion: ZExpectedVersion,
  })
  .refine((i) => [i.name, i.purpose, i.runbook, i.approvalTimeoutMinutes, i.ownerId, i.environment].some((v) => v !== undefined), {
    message: "Send at least one of name, purpose, runbook, approvalTimeoutMinutes, ownerId or environment",
    path: ["name"],
  });
export type TUpdateWorkflow = z.input<typeof ZUpdateWorkflow>;
export type TUpdateWorkflowInput = z.output<typeof ZUpdateWorkflow>;

export const ZReplaceRaci = z.object({ assignments: ZRaciAssignments, expectedVersion: ZExpectedVersion });
export type TReplaceRaci = z.input<typeof ZReplaceRaci>;

export const ZChangeWorkflowStatus = z.object({
  to: z.enum(["ACTIVE", "PAUSED", "RETIRED"]),
  reason: z.string().trim().max(500, "Use at most 500 characters").optional(),
  expectedVersion: ZExpectedVersion,
});
export type TChangeWorkflowStatus = z.input<typeof ZChangeWorkflowStatus>;

export const ZWorkflowIdParams = z.object({ id: z.uuid("Not a workflow id") });

export const ZReadinessItem = z.object({
  code: z.enum([
    "raci_accountable",
    "raci_function",
    "data_classes",
    "model_status",
    "model_sensitivity",
    "tool_contract",
    "service_token",
  ]),
  message: z.string(),
});
export type TReadinessItem = z.infer<typeof ZReadinessItem>;
export const ZWorkflowReadiness = z.object({ ready: z.boolean(), missing: z.array(ZReadinessItem) });
export type TWorkflowReadiness = z.infer<typeof ZWorkflowReadiness>;

const ZDataClassChoice = z.object({ key: z.string(), name: z.string(), sensitivity: ZSensitivity, tags: z.array(ZDataTag) });
const ZModelChoice = z.object({
  ref: z.string(),
  provider: z.string(),
  model: z.string(),
  version: z.string(),
  status: ZModelStatus,
  maxSensitivity: ZSensitivity,
});
const ZToolChoice = z.object({
  key: z.string(),
  name: z.string(),
  system: z.string(),
  consequence: ZConsequence,
  defaultTier: ZApprovalTier,
  hasContract: z.boolean(),
});

export const ZWorkflowDetail = ZWorkflowSummary.extend({
  purpose: z.string(),
  runbook: z.string(),
  approvalTimeoutMinutes: z.number().int(),
  createdAt: z.string(),
  raci: z.array(z.object({ user: ZPerson, function: ZRaciFunction, role: ZRaciRole })),
  dataClasses: z.array(ZDataClassChoice),
  models: z.array(ZModelChoice),
  tools: z.array(
    ZToolChoice.extend({
      ratePerMinute: z.number().int().nullable(),
      argumentConstraints: z.record(z.string(), z.unknown()).nullable(),
      tier: ZApprovalTier,
    }),
  ),
  /** Whether the caller may edit it (ADMIN, or the OWNER who owns it). */
  canEdit: z.boolean(),
});
export type TWorkflowDetail = z.infer<typeof ZWorkflowDetail>;

/** What the registration wizard offers: the catalogs and the people who can hold RACI roles. */
export const ZWorkflowChoices = z.object({
  people: z.array(ZPerson.extend({ roles: z.array(ZRole) })),
  dataClasses: z.array(ZDataClassChoice),
  models: z.array(ZModelChoice),
  tools: z.array(ZToolChoice),
});
export type TWorkflowChoices = z.infer<typeof ZWorkflowChoices>;
