import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { listApprovalQueueOperation } from "@/lib/contracts/api-catalog/approval-operations";
import { APPROVAL_PAGE_DEFAULT, ZApprovalQueuePage, type TApprovalQueuePage } from "@/lib/contracts/approvals-console";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { approvalKeys, hasFilters, type TApprovalQueueFilters } from "./keys";
import { APPROVAL_FALLBACK_REFRESH_MS } from "./use-approval-live-updates";

/** The signed-in person's queue, soonest deadline first, a page at a time. */
export function useApprovalQueue(options: { filters: TApprovalQueueFilters; initialPage?: TApprovalQueuePage; live: boolean }) {
  const { filters } = options;
  return useInfiniteQuery<
    TApprovalQueuePage,
    ApiError,
    InfiniteData<TApprovalQueuePage, string | undefined>,
    ReturnType<typeof approvalKeys.queue>,
    string | undefined
  >({
    queryKey: approvalKeys.queue(filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(apiPath(listApprovalQueueOperation), {
        query: { ...filters, limit: APPROVAL_PAGE_DEFAULT, cursor: pageParam },
        schema: ZApprovalQueuePage,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The server-rendered page is the unfiltered queue; a filtered one starts from the network.
    initialData: options.initialPage && !hasFilters(filters) ? { pages: [options.initialPage], pageParams: [undefined] } : undefined,
    refetchInterval: options.live ? false : APPROVAL_FALLBACK_REFRESH_MS,
  });
}
