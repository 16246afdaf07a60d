import type { TDenialCategory, TScorecardWindow } from "@/lib/contracts/scorecard";

export const WINDOW_LABELS: Record<TScorecardWindow, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };
export const WINDOW_SHORT_LABELS: Record<TScorecardWindow, string> = { "24h": "24 h", "7d": "7 d", "30d": "30 d" };

export const DENIAL_CATEGORY_LABELS: Record<TDenialCategory, string> = {
  kill_switch: "Kill switch",
  workflow_state: "Workflow not active",
  allowlist: "Not on the allowlist",
  contract: "Argument contract",
  dlp: "Sensitive data (DLP)",
  model: "Model not approved",
  rate_limit: "Rate limit",
  policy: "Policy",
  approval: "Approval refused or expired",
};

export const SLO_INDICATOR_LABELS = {
  success_rate: "Run success rate",
  tool_error_rate: "Tool error rate",
  latency_p95: "p95 latency",
} as const;
