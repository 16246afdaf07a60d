import type { TChangesQuery } from "@/lib/contracts/changes";

export type TChangeFilters = Pick<TChangesQuery, "status" | "subject" | "workflow">;

/** React Query keys for change requests; mutations invalidate exactly these. */
export const changeKeys = {
  all: () => ["changes"] as const,
  list: (filters: TChangeFilters = {}) => ["changes", "list", filters] as const,
  workflow: (workflowId: string) => ["changes", "workflow", workflowId] as const,
  detail: (id: string) => ["changes", "detail", id] as const,
};
