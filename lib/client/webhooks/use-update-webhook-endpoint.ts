import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZWebhookEndpointView, type TUpdateWebhookEndpoint, type TWebhookEndpointView } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useUpdateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation<TWebhookEndpointView, ApiError, { id: string; input: TUpdateWebhookEndpoint }>({
    mutationFn: ({ id, input }) => apiFetch(`/api/v1/webhooks/${encodeURIComponent(id)}`, { method: "PATCH", body: input, schema: ZWebhookEndpointView }),
    onSettled: () => invalidateWebhooks(queryClient),
  });
}
