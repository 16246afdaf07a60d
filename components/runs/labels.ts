import type { TDecisionReasonCode } from "@/lib/contracts/decisions";
import type { TDecisionOutcome, TRunStatus, TRunWindow } from "@/lib/contracts/runs";

type TTone = "neutral" | "good" | "warn" | "bad" | "info";
/** A symbol beside words, never instead of them: colour and icon are never the only signal. */
export type TLabel = { text: string; tone: TTone; icon: string };

export const OUTCOME_LABELS: Record<TDecisionOutcome, TLabel> = {
  ALLOW: { text: "Allowed", tone: "good", icon: "✓" },
  DENY: { text: "Denied", tone: "bad", icon: "✕" },
  REQUIRE_APPROVAL: { text: "Needs approval", tone: "warn", icon: "?" },
};

export const RUN_STATUS_LABELS: Record<TRunStatus, TLabel> = {
  RUNNING: { text: "Running", tone: "info", icon: "…" },
  SUCCEEDED: { text: "Succeeded", tone: "good", icon: "✓" },
  FAILED: { text: "Failed", tone: "bad", icon: "✕" },
};

export const WINDOW_LABELS: Record<TRunWindow, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };

export const REASON_LABELS: Record<TDecisionReasonCode, string> = {
  kill_switch_engaged: "Kill switch engaged",
  kill_switch_state_unknown: "Kill-switch state unknown",
  workflow_not_active: "Workflow not active",
  token_environment_mismatch: "Token for another environment",
  tool_not_allowed: "Tool not on the allowlist",
  arguments_violate_contract: "Arguments break the tool's contract",
  arguments_violate_constraints: "Arguments exceed the workflow's limits",
  data_class_not_declared: "Data class not declared",
  dlp_undeclared_class: "Undeclared sensitive data (DLP)",
  dlp_scan_incomplete: "DLP scan incomplete",
  model_not_approved: "Model not approved",
  model_suspended: "Model suspended",
  model_not_approved_for_sensitivity: "Model not approved for this data",
  rate_limited: "Rate limited",
  policy_forbids: "Forbidden by a policy",
  approval_required: "Needs people's approval",
  approval_granted: "Approval granted",
  approval_pending: "Approval still pending",
  approval_not_found: "Approval not found",
  approval_arguments_mismatch: "Approval was for other arguments",
  approval_denied: "Approval denied",
  approval_expired: "Approval expired",
  approval_already_used: "Approval already used",
  allowed: "Every check passed",
};

export const reasonLabel = (code: string) => (REASON_LABELS as Record<string, string>)[code] ?? code;

/** Run events as people name them. */
export const EVENT_LABELS: Record<string, TLabel> = {
  run_started: { text: "Run started", tone: "info", icon: "▶" },
  run_ended: { text: "Run ended", tone: "neutral", icon: "■" },
  model_call: { text: "Model call", tone: "neutral", icon: "✦" },
  tool_call: { text: "Tool call", tone: "neutral", icon: "→" },
  tool_result: { text: "Tool result", tone: "neutral", icon: "←" },
  human_override: { text: "Human override", tone: "warn", icon: "⇆" },
  rollback: { text: "Rollback", tone: "warn", icon: "↺" },
  error: { text: "Error", tone: "bad", icon: "⚠" },
};
export const eventLabel = (type: string): TLabel => EVENT_LABELS[type] ?? { text: type, tone: "neutral", icon: "•" };

export const RESULT_TONES: Record<string, TTone> = { success: "good", failure: "bad", denied: "bad", cancelled: "warn" };

/** "850 ms", "1.2 s", "3 min 05 s": a latency or a run's length. */
export function formatMs(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1_000);
  if (minutes < 60) return `${minutes} min ${String(seconds).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
