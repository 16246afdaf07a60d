import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { listWorkflowRunsOperation } from "@/lib/contracts/api-catalog/run-operations";
import { ZRunPage, type TRunPage } from "@/lib/contracts/runs";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { runKeys, type TRunFilters } from "./keys";

/** A workflow's runs under the page's filters, newest first; the first page is the server-rendered one. */
export function useWorkflowRuns(options: { workflowId: string; filters: TRunFilters; initialPage: TRunPage }) {
  const { workflowId, filters } = options;
  return useInfiniteQuery<
    TRunPage,
    ApiError,
    InfiniteData<TRunPage, string | undefined>,
    ReturnType<typeof runKeys.runs>,
    string | undefined
  >({
    queryKey: runKeys.runs(workflowId, filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(apiPath(listWorkflowRunsOperation, { id: workflowId }, { ...filters, cursor: pageParam }), { schema: ZRunPage, signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: { pages: [options.initialPage], pageParams: [undefined] },
    staleTime: 30_000,
  });
}
