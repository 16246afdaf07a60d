import type { TRaciAssignment, TWorkflowSummary } from "@/lib/contracts/workflows";

export const STATUS_LABELS: Record<TWorkflowSummary["status"], string> = {
  DRAFT: "Draft",
  ACTIVE: "Active",
  PAUSED: "Paused",
  RETIRED: "Retired",
};
export const ENVIRONMENT_LABELS: Record<TWorkflowSummary["environment"], string> = { DEV: "Dev", STAGING: "Staging", PROD: "Prod" };
export const APPROVAL_TIMEOUT_HINT = "1 to 10,080 (7 days). An unanswered request then counts as denied; Security is called in at half.";
export const approvalExpiryText = (minutes: number) =>
  `Approval requests expire after ${minutes} minute${minutes === 1 ? "" : "s"}; escalated to Security at half.`;
export const SENSITIVITY_LABELS = {
  PUBLIC: "Public",
  INTERNAL: "Internal",
  CONFIDENTIAL: "Confidential",
  RESTRICTED: "Restricted",
} as const;

export const RACI_FUNCTIONS: { value: TRaciAssignment["function"]; label: string }[] = [
  { value: "WORKFLOW_OWNER", label: "Workflow owner" },
  { value: "DATA_OWNER", label: "Data owner" },
  { value: "PLATFORM_OWNER", label: "Platform owner" },
  { value: "SECURITY", label: "Security" },
];

export const RACI_ROLES: { value: TRaciAssignment["role"]; letter: string; label: string }[] = [
  { value: "RESPONSIBLE", letter: "R", label: "Responsible" },
  { value: "ACCOUNTABLE", letter: "A", label: "Accountable" },
  { value: "CONSULTED", letter: "C", label: "Consulted" },
  { value: "INFORMED", letter: "I", label: "Informed" },
];
