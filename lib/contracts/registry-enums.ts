import { z } from "zod";

// Mirrors of the database enums, for contracts shared with the browser.
export const ZEnvironment = z.enum(["DEV", "STAGING", "PROD"]);
export const ZWorkflowStatus = z.enum(["DRAFT", "ACTIVE", "PAUSED", "RETIRED"]);
export const ZSensitivity = z.enum(["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"]);
export const ZDataTag = z.enum(["PII", "PCI", "PHI", "CREDENTIALS"]);
export const ZConsequence = z.enum(["READ", "WRITE", "EXTERNAL_COMMUNICATION", "PERMISSION_CHANGE", "MONEY_MOVEMENT", "DESTRUCTIVE"]);
export const ZApprovalTier = z.enum(["T0", "T1", "T2", "T3"]);
export const ZRaciFunction = z.enum(["WORKFLOW_OWNER", "DATA_OWNER", "PLATFORM_OWNER", "SECURITY"]);
export const ZRaciRole = z.enum(["RESPONSIBLE", "ACCOUNTABLE", "CONSULTED", "INFORMED"]);

export type TConsequence = z.infer<typeof ZConsequence>;
export type TApprovalTier = z.infer<typeof ZApprovalTier>;

/** Gates follow consequence: the tier a tool gets unless a workflow raises it. */
export const DEFAULT_TIER: Record<TConsequence, TApprovalTier> = {
  READ: "T0",
  WRITE: "T1",
  EXTERNAL_COMMUNICATION: "T2",
  PERMISSION_CHANGE: "T2",
  MONEY_MOVEMENT: "T3",
  DESTRUCTIVE: "T3",
};
