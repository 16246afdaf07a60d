import type { TScorecardWindow } from "@/lib/contracts/scorecard";

/** React Query keys for scorecards; an SLO change invalidates its workflow's. */
export const scorecardKeys = {
  all: () => ["scorecards"] as const,
  workflow: (workflowId: string) => ["scorecards", workflowId] as const,
  window: (workflowId: string, window: TScorecardWindow) => ["scorecards", workflowId, window] as const,
};
