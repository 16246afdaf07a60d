import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZIssuedWebhookSecret, type TCreateWebhookEndpoint, type TIssuedWebhookSecret } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useCreateWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation<TIssuedWebhookSecret, ApiError, TCreateWebhookEndpoint>({
    mutationFn: (input) => apiFetch("/api/v1/webhooks", { method: "POST", body: input, schema: ZIssuedWebhookSecret }),
    onSuccess: () => invalidateWebhooks(queryClient),
  });
}
