import { useInfiniteQuery } from "@tanstack/react-query";
import { listWebhookDeliveriesOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { WEBHOOK_DELIVERY_PAGE_DEFAULT, ZWebhookDeliveryPage, type TWebhookDeliveryPage } from "@/lib/contracts/webhooks";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { webhookKeys, type TDeliveryFilters } from "./keys";

// While something is on its way, the log refreshes itself so its outcome shows up without a reload.
const REFRESH_WHILE_PENDING_MS = 3_000;

/** The delivery log newest first, a page at a time; `initialPage` is the server-rendered unfiltered first page. */
export function useWebhookDeliveries(options: { filters?: TDeliveryFilters; initialPage?: TWebhookDeliveryPage } = {}) {
  const filters = options.filters ?? {};
  const unfiltered = !filters.endpointId && !filters.status;
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveries(filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(apiPath(listWebhookDeliveriesOperation), {
        query: { ...filters, limit: WEBHOOK_DELIVERY_PAGE_DEFAULT, cursor: pageParam },
        schema: ZWebhookDeliveryPage,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: TWebhookDeliveryPage) => last.nextCursor ?? undefined,
    initialData: options.initialPage && unfiltered ? { pages: [options.initialPage], pageParams: [undefined] } : undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.deliveries.some((d) => d.status === "PENDING")) ? REFRESH_WHILE_PENDING_MS : false,
  });
}
