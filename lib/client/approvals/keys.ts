import type { TApprovalHistoryQuery, TApprovalQueueQuery } from "@/lib/contracts/approvals-console";

export type TApprovalQueueFilters = Pick<TApprovalQueueQuery, "workflow" | "tier" | "tool" | "environment">;
export type TApprovalHistoryFilters = Pick<TApprovalHistoryQuery, "workflow" | "tool" | "status" | "approver" | "q">;

/** React Query keys for approvals; a vote or a live change invalidates `all`. */
export const approvalKeys = {
  all: () => ["approvals"] as const,
  queue: (filters: TApprovalQueueFilters = {}) => ["approvals", "queue", filters] as const,
  detail: (id: string) => ["approvals", "detail", id] as const,
  history: (filters: TApprovalHistoryFilters = {}) => ["approvals", "history", filters] as const,
};

export const hasFilters = (filters: object) => Object.values(filters).some((value) => value !== undefined && value !== "");
