import { z } from "zod";
import { ZWorkflowKey } from "./registry";
import { ZApprovalTier, ZEnvironment, ZWorkflowStatus } from "./registry-enums";

export const SCORECARD_WINDOWS = ["24h", "7d", "30d"] as const;
export const ZScorecardWindow = z.enum(SCORECARD_WINDOWS, { message: "Use window=24h, 7d or 30d" });
export type TScorecardWindow = z.infer<typeof ZScorecardWindow>;

export const ZScorecardParams = z.object({ id: z.uuid("Not a workflow id") });
export const ZScorecardQuery = z.strictObject({ window: ZScorecardWindow.default("7d") });

/**
 * Why a call was denied, grouped as people ask about it. Every decision reason code maps to one
 * (`DENIAL_CATEGORY_OF` in lib/server/scorecard/denial-category.ts).
 */
export const DENIAL_CATEGORIES = [
  "kill_switch",
  "workflow_state",
  "allowlist",
  "contract",
  "dlp",
  "model",
  "rate_limit",
  "policy",
  "approval",
] as const;
export const ZDenialCategory = z.enum(DENIAL_CATEGORIES);
export type TDenialCategory = z.infer<typeof ZDenialCategory>;

/** A rate with what it was computed from; `value` is null when nothing was counted (never a made-up 0). */
export const ZRate = z.object({ numerator: z.number().int(), denominator: z.number().int(), value: z.number().nullable() });
export type TRate = z.infer<typeof ZRate>;

/** Milliseconds from fixed log-scale histogram buckets: exact to within one bucket. Null with no samples. */
export const ZLatency = z.object({
  samples: z.number().int(),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
});

/** A figure another part of Tollgate measures once it exists; until then it says so, never 0. */
export const ZMeasured = z.discriminatedUnion("measured", [
  z.object({ measured: z.literal(true), value: z.number() }),
  z.object({ measured: z.literal(false), note: z.string() }),
]);

export const ZPeriodMetrics = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  runs: z.number().int(),
  successRate: ZRate,
  /** Tool and model call latency reported in run events. */
  latency: ZLatency,
  toolCalls: z.number().int(),
  toolErrorRate: ZRate,
  decisions: z.number().int(),
  denialRate: ZRate,
  denialsByReason: z.array(z.object({ category: ZDenialCategory, count: z.number().int() })),
  approvals: z.object({
    requested: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
    expired: z.number().int(),
    pending: z.number().int(),
    approvalRate: ZRate,
    medianTimeToApproveMs: z.number().nullable(),
  }),
  overrides: z.number().int(),
  overrideRate: ZRate,
  rollbacks: z.number().int(),
  errors: z.number().int(),
  /** Sensitive values redacted from run events before storage. */
  dlpRedactions: z.number().int(),
  incidents: ZMeasured,
  meanTimeToDetectMs: ZMeasured,
  timeToHaltMs: ZMeasured,
});
export type TPeriodMetrics = z.infer<typeof ZPeriodMetrics>;

/** One point per hour (24 h) or per day (7 d, 30 d). */
export const ZTrendPoint = z.object({
  bucketStart: z.iso.datetime(),
  runs: z.number().int(),
  decisions: z.number().int(),
  successRate: z.number().nullable(),
  toolErrorRate: z.number().nullable(),
  denialRate: z.number().nullable(),
  overrideRate: z.number().nullable(),
  p95LatencyMs: z.number().nullable(),
});

export const CONTROLS = [
  "owner_and_raci",
  "data_classes_declared",
  "models_approved_for_data",
  "tool_contracts_present",
  "tokens_rotated",
  "runbook_present",
  "kill_switch_drilled",
  "audit_chain_verified",
] as const;
export const ZControl = z.enum(CONTROLS);
export const ZControlCheck = z.object({
  control: ZControl,
  label: z.string(),
  passed: z.boolean(),
  /** What was found, e.g. "2 of 3 tokens older than 90 days" or "not drilled yet". */
  detail: z.string(),
});

export const SLO_INDICATORS = ["success_rate", "tool_error_rate", "latency_p95"] as const;
export const ZSloIndicator = z.enum(SLO_INDICATORS);
/** What a workflow promises; defaults apply until its owner changes them (through review when ACTIVE). */
export const ZSloTargets = z.strictObject({
  /** Share of runs that end in success, e.g. 0.99. */
  successRate: z.number().min(0.5, "Use a target of at least 0.5").max(0.9999, "Use a target of at most 0.9999"),
  /** Highest acceptable share of tool results that fail, e.g. 0.02. */
  toolErrorRate: z.number().min(0.0001, "Use at least 0.0001").max(0.5, "Use at most 0.5"),
  latencyP95Ms: z.number().int().min(1, "Use at least 1 ms").max(3_600_000, "Use at most one hour"),
});
export type TSloTargets = z.infer<typeof ZSloTargets>;
export const DEFAULT_SLO_TARGETS: TSloTargets = { successRate: 0.99, toolErrorRate: 0.02, latencyP95Ms: 5_000 };

/** Google SRE workbook multiwindow burn-rate alerts, on the success-rate SLO's error budget. */
export const ZBurnRateAlert = z.object({
  severity: z.enum(["page", "ticket"]),
  longWindow: z.string(),
  shortWindow: z.string(),
  threshold: z.number(),
  longBurnRate: z.number().nullable(),
  shortBurnRate: z.number().nullable(),
  firing: z.boolean(),
});

export const ZSlo = z.object({
  targets: ZSloTargets,
  /** True while no one has set the workflow's own targets. */
  defaults: z.boolean(),
  objectives: z.array(
    z.object({ indicator: ZSloIndicator, target: z.number(), actual: z.number().nullable(), met: z.boolean().nullable() }),
  ),
  /** Of the window's success-rate error budget: 1 = untouched, 0 = spent, below 0 = overspent; null with no runs. */
  errorBudgetRemaining: z.number().nullable(),
  burnRateAlerts: z.array(ZBurnRateAlert),
});

export const GRADES = ["A", "B", "C", "D", "F"] as const;
export const ZGrade = z.enum(GRADES);
export const ZGradeFactor = z.object({
  factor: z.string(),
  label: z.string(),
  /** As shown, e.g. "97.2%" or "6 of 8 controls". */
  value: z.string(),
  /** 0–1, how well this factor does. */
  score: z.number(),
  weight: z.number(),
  /** What would raise it, or null when it is already full. */
  raise: z.string().nullable(),
});
export const ZGradeExplanation = z.object({
  grade: ZGrade,
  /** 0–100: the weighted sum of the factors' scores. */
  score: z.number(),
  factors: z.array(ZGradeFactor),
});
export type TGradeExplanation = z.infer<typeof ZGradeExplanation>;

export const ZScorecardWorkflow = z.object({
  id: z.uuid(),
  key: ZWorkflowKey,
  name: z.string(),
  status: ZWorkflowStatus,
  environment: ZEnvironment,
  /** The highest approval tier of its tools; null with no tools granted. */
  highestTier: ZApprovalTier.nullable(),
  halted: z.boolean(),
});

export const ZScorecard = z.object({
  workflow: ZScorecardWorkflow,
  window: ZScorecardWindow,
  generatedAt: z.iso.datetime(),
  current: ZPeriodMetrics,
  /** The window before, of the same length. */
  previous: ZPeriodMetrics,
  trend: z.array(ZTrendPoint),
  coverage: z.array(ZControlCheck),
  slo: ZSlo,
  grade: ZGradeExplanation,
});
export type TScorecard = z.infer<typeof ZScorecard>;

/** `PUT /api/v1/workflows/{id}/slo`: new targets, against the workflow version the editor saw. */
export const ZUpdateSlo = ZSloTargets.extend({ expectedVersion: z.number().int().min(1, "Send the version you edited") });
export type TUpdateSlo = z.input<typeof ZUpdateSlo>;

/** New SLO targets as a change request keeps them while they wait for review. */
export const ZSloChangeProposal = z.object({ kind: z.literal("slo"), targets: ZSloTargets });
export type TSloChangeProposal = z.infer<typeof ZSloChangeProposal>;

/** A draft's targets change at once; an active or paused workflow's wait for a second person's review. */
export const ZSloUpdateResult = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("applied"), targets: ZSloTargets, version: z.number().int() }),
  z.object({ outcome: z.literal("proposed"), changeRequestId: z.uuid(), summary: z.string() }),
]);
export type TSloUpdateResult = z.infer<typeof ZSloUpdateResult>;
