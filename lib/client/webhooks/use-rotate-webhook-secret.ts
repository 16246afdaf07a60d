import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZIssuedWebhookSecret, type TIssuedWebhookSecret } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useRotateWebhookSecret() {
  const queryClient = useQueryClient();
  return useMutation<TIssuedWebhookSecret, ApiError, { id: string }>({
    mutationFn: ({ id }) => apiFetch(`/api/v1/webhooks/${encodeURIComponent(id)}/rotate-secret`, { method: "POST", schema: ZIssuedWebhookSecret }),
    onSettled: () => invalidateWebhooks(queryClient),
  });
}
