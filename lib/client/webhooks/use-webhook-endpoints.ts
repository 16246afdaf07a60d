import { useQuery } from "@tanstack/react-query";
import { listWebhookEndpointsOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { ZWebhookEndpointList, type TWebhookEndpointList } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { webhookKeys } from "./keys";

export function useWebhookEndpoints(options: { initialData?: TWebhookEndpointList } = {}) {
  return useQuery<TWebhookEndpointList, ApiError>({
    queryKey: webhookKeys.endpoints(),
    queryFn: ({ signal }) => apiFetch(apiPath(listWebhookEndpointsOperation), { schema: ZWebhookEndpointList, signal }),
    initialData: options.initialData,
  });
}
