import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { getRunTimelineOperation } from "@/lib/contracts/api-catalog/run-operations";
import { ZRunTimeline, type TRunTimeline } from "@/lib/contracts/runs";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { runKeys } from "./keys";

/** One run's timeline, oldest first, `limit` entries at a time; the first page is the server-rendered one. */
export function useRunTimeline(options: { workflowId: string; runId: string; limit?: number; initialPage: TRunTimeline }) {
  const { workflowId, runId, limit } = options;
  return useInfiniteQuery<
    TRunTimeline,
    ApiError,
    InfiniteData<TRunTimeline, string | undefined>,
    ReturnType<typeof runKeys.timeline>,
    string | undefined
  >({
    queryKey: runKeys.timeline(workflowId, runId, { limit }),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(apiPath(getRunTimelineOperation, { id: workflowId, runId }, { limit, cursor: pageParam }), { schema: ZRunTimeline, signal }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: { pages: [options.initialPage], pageParams: [undefined] },
    staleTime: 30_000,
  });
}
