import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { listWorkflowDecisionsOperation } from "@/lib/contracts/api-catalog/run-operations";
import { ZDecisionPage, type TDecisionPage } from "@/lib/contracts/runs";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { runKeys, type TDecisionFilters } from "./keys";

/** A workflow's decisions under the page's filters, newest first; the first page is the server-rendered one. */
export function useWorkflowDecisions(options: { workflowId: string; filters: TDecisionFilters; initialPage: TDecisionPage }) {
  const { workflowId, filters } = options;
  return useInfiniteQuery<
    TDecisionPage,
    ApiError,
    InfiniteData<TDecisionPage, string | undefined>,
    ReturnType<typeof runKeys.decisions>,
    string | undefined
  >({
    queryKey: runKeys.decisions(workflowId, filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(apiPath(listWorkflowDecisionsOperation, { id: workflowId }, { ...filters, cursor: pageParam }), {
        schema: ZDecisionPage,
        signal,
      }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: { pages: [options.initialPage], pageParams: [undefined] },
    // The server-rendered page is fresh; reloading it on mount would only flicker.
    staleTime: 30_000,
  });
}
