import type { TScorecardWindow } from "@/lib/contracts/scorecard";

/** React Query keys for the dashboard. */
export const dashboardKeys = {
  all: () => ["dashboard"] as const,
  window: (window: TScorecardWindow) => ["dashboard", window] as const,
};
