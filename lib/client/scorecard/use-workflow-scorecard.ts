import { useQuery } from "@tanstack/react-query";
import { getWorkflowScorecardOperation } from "@/lib/contracts/api-catalog/scorecard-operations";
import { ZScorecard, type TScorecard, type TScorecardWindow } from "@/lib/contracts/scorecard";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { LIVE_REFRESH_MS } from "../live-refresh";
import { scorecardKeys } from "./keys";

/** One workflow's scorecard for a period, kept live while the tab is visible. */
export function useWorkflowScorecard(options: { workflowId: string; window: TScorecardWindow; initialData?: TScorecard }) {
  const { workflowId, window } = options;
  return useQuery<TScorecard, ApiError>({
    queryKey: scorecardKeys.window(workflowId, window),
    queryFn: ({ signal }) =>
      apiFetch(apiPath(getWorkflowScorecardOperation, { id: workflowId }, { window }), { schema: ZScorecard, signal }),
    initialData: options.initialData,
    initialDataUpdatedAt: options.initialData ? Date.parse(options.initialData.generatedAt) : undefined,
    refetchInterval: LIVE_REFRESH_MS,
    staleTime: LIVE_REFRESH_MS,
  });
}
