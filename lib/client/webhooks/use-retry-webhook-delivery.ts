import { useMutation, useQueryClient } from "@tanstack/react-query";
import { retryWebhookDeliveryOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { ZWebhookDeliveryView, type TWebhookDeliveryView } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useRetryWebhookDelivery() {
  const queryClient = useQueryClient();
  return useMutation<TWebhookDeliveryView, ApiError, { id: string }>({
    mutationFn: ({ id }) =>
      apiFetch(apiPath(retryWebhookDeliveryOperation, { id }), {
        method: retryWebhookDeliveryOperation.method,
        schema: ZWebhookDeliveryView,
      }),
    // Refetch on a conflict too: the log then shows why there was nothing to retry.
    onSettled: () => invalidateWebhooks(queryClient),
  });
}
