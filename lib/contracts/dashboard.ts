import { z } from "zod";
import { ZKillSwitchScope } from "./killswitch";
import { ZWorkflowKey } from "./registry";
import { ZApprovalTier, ZEnvironment, ZSensitivity, ZWorkflowStatus } from "./registry-enums";
import { ZDenialCategory, ZGrade, ZGradeFactor, ZScorecardWindow } from "./scorecard";

export const ZDashboardQuery = z.strictObject({ window: ZScorecardWindow.default("7d") });

const ZCount = z.number().int();

/** What the CISO's landing page shows; every list is limited to what the caller may see. */
export const ZDashboard = z.object({
  window: ZScorecardWindow,
  generatedAt: z.iso.datetime(),
  inventory: z.object({
    total: ZCount,
    byStatus: z.array(z.object({ status: ZWorkflowStatus, count: ZCount })),
    byEnvironment: z.array(z.object({ environment: ZEnvironment, count: ZCount })),
    /** By the highest approval tier among each workflow's tools; `none` with no tools granted. */
    byHighestTier: z.array(z.object({ tier: z.union([ZApprovalTier, z.literal("none")]), count: ZCount })),
    halted: ZCount,
  }),
  /** Workflow keys the gate saw that nobody registered, busiest first. */
  shadow: z.object({
    total: ZCount,
    recent: z.array(z.object({ key: z.string(), firstSeenAt: z.iso.datetime(), lastSeenAt: z.iso.datetime(), events: ZCount })),
  }),
  /** Confidential and restricted data reaching models over the window: which class, to which model, provider and region. */
  dataFlows: z.array(
    z.object({
      dataClass: z.string(),
      sensitivity: ZSensitivity,
      provider: z.string(),
      model: z.string(),
      regions: z.array(z.string()),
      workflows: ZCount,
      decisions: ZCount,
    }),
  ),
  pendingApprovals: z.object({
    total: ZCount,
    overdue: ZCount,
    dueWithinHour: ZCount,
    soonest: z.array(
      z.object({
        id: z.uuid(),
        workflowId: z.uuid(),
        workflowKey: ZWorkflowKey,
        tool: z.string(),
        tier: ZApprovalTier,
        requestedAt: z.iso.datetime(),
        expiresAt: z.iso.datetime(),
      }),
    ),
  }),
  killSwitches: z.array(
    z.object({
      id: z.uuid(),
      scope: ZKillSwitchScope,
      target: z.string().nullable(),
      reason: z.string(),
      engagedAt: z.iso.datetime(),
      engagedBy: z.string(),
    }),
  ),
  /** One point per hour (24 h) or day (7 d, 30 d) and denial category. */
  denialTrend: z.array(z.object({ bucketStart: z.iso.datetime(), category: ZDenialCategory, count: ZCount })),
  /** Values redacted from run events and calls denied for undeclared sensitive data, per hour or day. */
  dlpTrend: z.array(z.object({ bucketStart: z.iso.datetime(), redactions: ZCount, denials: ZCount })),
  /** Lowest grade first, with the factors that cost the most. */
  riskiest: z.array(
    z.object({
      workflowId: z.uuid(),
      key: ZWorkflowKey,
      name: z.string(),
      grade: ZGrade,
      score: z.number(),
      why: z.array(ZGradeFactor),
    }),
  ),
  incidents: z.object({ measured: z.literal(false), note: z.string() }),
});
export type TDashboard = z.infer<typeof ZDashboard>;
