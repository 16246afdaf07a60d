import { useQuery } from "@tanstack/react-query";
import { getDashboardOperation } from "@/lib/contracts/api-catalog/scorecard-operations";
import { ZDashboard, type TDashboard } from "@/lib/contracts/dashboard";
import type { TScorecardWindow } from "@/lib/contracts/scorecard";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { LIVE_REFRESH_MS } from "../live-refresh";
import { dashboardKeys } from "./keys";

/** The dashboard for a period, kept live while the tab is visible. */
export function useDashboard(options: { window: TScorecardWindow; initialData?: TDashboard }) {
  return useQuery<TDashboard, ApiError>({
    queryKey: dashboardKeys.window(options.window),
    queryFn: ({ signal }) => apiFetch(apiPath(getDashboardOperation, {}, { window: options.window }), { schema: ZDashboard, signal }),
    initialData: options.initialData,
    // The server's figures are as fresh as the page; count their age from when they were made.
    initialDataUpdatedAt: options.initialData ? Date.parse(options.initialData.generatedAt) : undefined,
    refetchInterval: LIVE_REFRESH_MS,
    staleTime: LIVE_REFRESH_MS,
  });
}
