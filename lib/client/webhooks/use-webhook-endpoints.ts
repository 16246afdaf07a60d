import { useQuery } from "@tanstack/react-query";
import { ZWebhookEndpointList, type TWebhookEndpointList } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { webhookKeys } from "./keys";

export function useWebhookEndpoints(options: { initialData?: TWebhookEndpointList } = {}) {
  return useQuery<TWebhookEndpointList, ApiError>({
    queryKey: webhookKeys.endpoints(),
    queryFn: ({ signal }) => apiFetch("/api/v1/webhooks", { schema: ZWebhookEndpointList, signal }),
    initialData: options.initialData,
  });
}
