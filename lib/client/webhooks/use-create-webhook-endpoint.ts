import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createWebhookEndpointOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { ZIssuedWebhookSecret, type TCreateWebhookEndpoint, type TIssuedWebhookSecret } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useCreateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation<TIssuedWebhookSecret, ApiError, TCreateWebhookEndpoint>({
    mutationFn: (input) =>
      apiFetch(apiPath(createWebhookEndpointOperation), {
        method: createWebhookEndpointOperation.method,
        body: input,
        schema: ZIssuedWebhookSecret,
      }),
    onSuccess: () => invalidateWebhooks(queryClient),
  });
}
