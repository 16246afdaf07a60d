import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateWebhookEndpointOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { ZWebhookEndpointView, type TUpdateWebhookEndpoint, type TWebhookEndpointView } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useUpdateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation<TWebhookEndpointView, ApiError, { id: string; input: TUpdateWebhookEndpoint }>({
    mutationFn: ({ id, input }) =>
      apiFetch(apiPath(updateWebhookEndpointOperation, { id }), {
        method: updateWebhookEndpointOperation.method,
        body: input,
        schema: ZWebhookEndpointView,
      }),
    onSettled: () => invalidateWebhooks(queryClient),
  });
}
