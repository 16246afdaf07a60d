import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { listApprovalHistoryOperation } from "@/lib/contracts/api-catalog/approval-operations";
import { APPROVAL_PAGE_DEFAULT, ZApprovalHistoryPage, type TApprovalHistoryPage } from "@/lib/contracts/approvals-console";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { approvalKeys, hasFilters, type TApprovalHistoryFilters } from "./keys";

/** Decided requests, newest first, a page at a time. */
export function useApprovalHistory(options: { filters: TApprovalHistoryFilters; initialPage?: TApprovalHistoryPage }) {
  const { filters } = options;
  return useInfiniteQuery<
    TApprovalHistoryPage,
    ApiError,
    InfiniteData<TApprovalHistoryPage, string | undefined>,
    ReturnType<typeof approvalKeys.history>,
    string | undefined
  >({
    queryKey: approvalKeys.history(filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(apiPath(listApprovalHistoryOperation), {
        query: { ...filters, limit: APPROVAL_PAGE_DEFAULT, cursor: pageParam },
        schema: ZApprovalHistoryPage,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: options.initialPage && !hasFilters(filters) ? { pages: [options.initialPage], pageParams: [undefined] } : undefined,
  });
}
