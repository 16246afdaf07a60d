import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendTestWebhookOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { ZWebhookDeliveryView, type TWebhookDeliveryView } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useSendTestWebhook() {
  const queryClient = useQueryClient();
  return useMutation<TWebhookDeliveryView, ApiError, { id: string }>({
    mutationFn: ({ id }) =>
      apiFetch(apiPath(sendTestWebhookOperation, { id }), { method: sendTestWebhookOperation.method, schema: ZWebhookDeliveryView }),
    onSuccess: () => invalidateWebhooks(queryClient),
  });
}
