import { useInfiniteQuery } from "@tanstack/react-query";
import { listAuditEventsOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { AUDIT_PAGE_DEFAULT, ZAuditEventPage, type TAuditEventPage } from "@/lib/contracts/audit";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { queryKeys, type TAuditFilters } from "../query-keys";

/** The audit log newest first, a page at a time; `initialPage` is the server-rendered first page. */
export function useAuditEvents(options: { filters?: TAuditFilters; initialPage?: TAuditEventPage } = {}) {
  const filters = options.filters ?? {};
  // The server-rendered page is the unfiltered log; a filtered view starts from the network.
  const unfiltered = !filters.action && !filters.actor && !filters.target;
  return useInfiniteQuery({
    queryKey: queryKeys.audit.events(filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(apiPath(listAuditEventsOperation), {
        query: { ...filters, limit: AUDIT_PAGE_DEFAULT, cursor: pageParam },
        schema: ZAuditEventPage,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: options.initialPage && unfiltered ? { pages: [options.initialPage], pageParams: [undefined] } : undefined,
  });
}
