import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZWebhookDeliveryView, type TWebhookDeliveryView } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useSendTestWebhook() {
  const queryClient = useQueryClient();
  return useMutation<TWebhookDeliveryView, ApiError, { id: string }>({
    mutationFn: ({ id }) => apiFetch(`/api/v1/webhooks/${encodeURIComponent(id)}/test`, { method: "POST", schema: ZWebhookDeliveryView }),
    onSuccess: () => invalidateWebhooks(queryClient),
  });
}
