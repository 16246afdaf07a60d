import type { TWorkflowDecisionsQueryInput, TWorkflowRunsQueryInput } from "@/lib/contracts/runs";

export type TDecisionFilters = Omit<TWorkflowDecisionsQueryInput, "cursor" | "limit">;
export type TRunFilters = Omit<TWorkflowRunsQueryInput, "cursor" | "limit">;
export type TTimelineOptions = { limit?: number };

/** React Query keys for what automations did; nothing in the console changes these, so nothing invalidates them. */
export const runKeys = {
  all: () => ["runs"] as const,
  decisions: (workflowId: string, filters: TDecisionFilters) => ["runs", "decisions", workflowId, filters] as const,
  runs: (workflowId: string, filters: TRunFilters) => ["runs", "runs", workflowId, filters] as const,
  timeline: (workflowId: string, runId: string, options: TTimelineOptions) => ["runs", "timeline", workflowId, runId, options] as const,
};
