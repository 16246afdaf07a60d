import { z } from "zod";
import { ZApprovalStatus } from "./approvals";
import { ZDecisionReasonCode } from "./decisions";
import { ZApprovalTier } from "./registry-enums";

// The console's read of what automations did: a workflow's decisions, its runs, one run's timeline.

export const DECISION_OUTCOMES = ["ALLOW", "DENY", "REQUIRE_APPROVAL"] as const;
export const ZDecisionOutcome = z.enum(DECISION_OUTCOMES, { message: "Use outcome=ALLOW, DENY or REQUIRE_APPROVAL" });
export type TDecisionOutcome = z.infer<typeof ZDecisionOutcome>;

export const RUN_STATUSES = ["RUNNING", "SUCCEEDED", "FAILED"] as const;
export const ZRunStatus = z.enum(RUN_STATUSES, { message: "Use status=RUNNING, SUCCEEDED or FAILED" });
export type TRunStatus = z.infer<typeof ZRunStatus>;

/** How far back the lists look: they read raw rows, so every query stays inside a time range. */
export const RUN_WINDOWS = { "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export const ZRunWindow = z.enum(Object.keys(RUN_WINDOWS) as [keyof typeof RUN_WINDOWS, ...(keyof typeof RUN_WINDOWS)[]], {
  message: "Use window=24h, 7d or 30d",
});
export type TRunWindow = z.infer<typeof ZRunWindow>;
export const DEFAULT_RUN_WINDOW: TRunWindow = "7d";

export const RUNS_PAGE_DEFAULT = 50;
export const RUNS_PAGE_MAX = 200;
export const TIMELINE_PAGE_DEFAULT = 200;
export const TIMELINE_PAGE_MAX = 500;

// A GET form sends "" for "any": that filter is off.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
/** Opaque: the previous page's `nextCursor`. */
const ZCursor = z.string().trim().min(1).max(400);
const ZRunExternalId = z.string().trim().min(1, "Name the run").max(200, "Use at most 200 characters");
const limit = (max: number, fallback: number) =>
  z.coerce
    .number({ error: "Send limit as a number" })
    .int()
    .min(1, "Use a limit of at least 1")
    .max(max, `Use a limit of at most ${max}`)
    .default(fallback);

export const ZWorkflowRunParams = z.object({ id: z.uuid("Not a workflow id"), runId: ZRunExternalId });

/** Unknown keys are refused by name, so a misspelt filter never silently shows everything. */
export const ZWorkflowDecisionsQuery = z.strictObject({
  outcome: optional(ZDecisionOutcome),
  /** The deciding reason's code (the decision's first reason), e.g. `tool_not_allowed`. */
  reason: optional(z.enum(ZDecisionReasonCode.options, { message: "Not a decision reason code" })),
  tool: optional(z.string().trim().max(200, "Use at most 200 characters")),
  /** The automation's run id (the `runId` it sent the gate). */
  runId: optional(ZRunExternalId),
  window: optional(ZRunWindow),
  cursor: optional(ZCursor),
  limit: limit(RUNS_PAGE_MAX, RUNS_PAGE_DEFAULT),
});
export type TWorkflowDecisionsQuery = z.input<typeof ZWorkflowDecisionsQuery>;
export type TWorkflowDecisionsQueryInput = z.output<typeof ZWorkflowDecisionsQuery>;

/**
 * A reason as the gate recorded it. Looser than the live contract: rows outlive reason codes, and
 * an old decision must still be readable.
 */
export const ZRecordedReason = z.object({ rule: z.number().int(), code: z.string(), message: z.string(), path: z.string().optional() });
export type TRecordedReason = z.infer<typeof ZRecordedReason>;
const ZPerson = z.object({ name: z.string(), email: z.string() });

export const ZDecisionRow = z.object({
  id: z.string(),
  decidedAt: z.iso.datetime(),
  runId: z.string(),
  tool: z.string(),
  model: z.string(),
  dataClasses: z.array(z.string()),
  outcome: ZDecisionOutcome,
  /** The first of `reasons`: what decided. */
  reason: ZRecordedReason,
  reasons: z.array(ZRecordedReason),
  tier: ZApprovalTier.nullable(),
  /** The approval request it opened or spent, if any. */
  approvalId: z.string().nullable(),
  registryVersion: z.string(),
});
export type TDecisionRow = z.infer<typeof ZDecisionRow>;

export const ZDecisionPage = z.object({
  /** Newest first. */
  items: z.array(ZDecisionRow),
  nextCursor: z.string().nullable(),
  /** The start of the window read. */
  since: z.iso.datetime(),
});
export type TDecisionPage = z.infer<typeof ZDecisionPage>;

export const ZWorkflowRunsQuery = z.strictObject({
  status: optional(ZRunStatus),
  window: optional(ZRunWindow),
  cursor: optional(ZCursor),
  limit: limit(RUNS_PAGE_MAX, RUNS_PAGE_DEFAULT),
});
export type TWorkflowRunsQuery = z.input<typeof ZWorkflowRunsQuery>;
export type TWorkflowRunsQueryInput = z.output<typeof ZWorkflowRunsQuery>;

export const ZRunRow = z.object({
  /** The automation's run id: the run's address. */
  runId: z.string(),
  status: ZRunStatus,
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  lastEventAt: z.iso.datetime(),
  /** Start to end, or to the last event while it runs. */
  durationMs: z.number().int(),
  events: z.number().int(),
  decisions: z.number().int(),
  denials: z.number().int(),
});
export type TRunRow = z.infer<typeof ZRunRow>;

export const ZRunPage = z.object({
  /** Newest start first. */
  items: z.array(ZRunRow),
  nextCursor: z.string().nullable(),
  since: z.iso.datetime(),
});
export type TRunPage = z.infer<typeof ZRunPage>;

export const ZRunTimelineQuery = z.strictObject({
  cursor: optional(ZCursor),
  limit: limit(TIMELINE_PAGE_MAX, TIMELINE_PAGE_DEFAULT),
});
export type TRunTimelineQuery = z.input<typeof ZRunTimelineQuery>;
export type TRunTimelineQueryInput = z.output<typeof ZRunTimelineQuery>;

/** One thing that happened in a run, in time order; `key` orders entries of the same instant. */
export const ZTimelineEntry = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("event"),
    key: z.string(),
    at: z.iso.datetime(),
    id: z.string(),
    /** One of the run event types (ZRunEventType in events.ts); kept as stored. */
    type: z.string(),
    tool: z.string().nullable(),
    model: z.string().nullable(),
    outcome: z.string().nullable(),
    latencyMs: z.number().int().nullable(),
    decisionId: z.string().nullable(),
    /** Redacted before it was stored. */
    data: z.unknown(),
    redactions: z.number().int(),
  }),
  z.object({ kind: z.literal("decision"), key: z.string(), at: z.iso.datetime(), decision: ZDecisionRow }),
  z.object({
    kind: z.literal("approval_requested"),
    key: z.string(),
    at: z.iso.datetime(),
    approvalId: z.string(),
    decisionId: z.string().nullable(),
    tool: z.string(),
    tier: ZApprovalTier,
    approvalsRequired: z.number().int(),
    status: ZApprovalStatus,
    expiresAt: z.iso.datetime(),
    reasons: z.array(ZRecordedReason),
    /** Redacted before it was stored. */
    arguments: z.unknown(),
  }),
  z.object({
    kind: z.literal("approval_vote"),
    key: z.string(),
    at: z.iso.datetime(),
    approvalId: z.string(),
    voter: ZPerson,
    vote: z.enum(["APPROVE", "DENY"]),
    reason: z.string(),
    breakGlass: z.boolean(),
    incidentRef: z.string().nullable(),
  }),
  z.object({
    kind: z.literal("approval_resolved"),
    key: z.string(),
    at: z.iso.datetime(),
    approvalId: z.string(),
    status: ZApprovalStatus,
    outcomeReason: z.string().nullable(),
  }),
]);
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;
export type TTimelineKind = TTimelineEntry["kind"];

export const ZRunTimeline = z.object({
  run: z.object({
    runId: z.string(),
    /** Null while the automation has reported no event for it (only decisions). */
    status: ZRunStatus.nullable(),
    startedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    events: z.number().int(),
    /** What the automation said started it (the run_started event's redacted data); null without one. */
    trigger: z.object({ at: z.iso.datetime(), data: z.unknown() }).nullable(),
  }),
  /** Oldest first; `nextCursor` continues from the last one. */
  entries: z.array(ZTimelineEntry),
  nextCursor: z.string().nullable(),
});
export type TRunTimeline = z.infer<typeof ZRunTimeline>;

/** The console page of a run, for links from lists. */
export const runHref = (workflowId: string, runId: string) =>
  `/workflows/${encodeURIComponent(workflowId)}/runs/${encodeURIComponent(runId)}`;
