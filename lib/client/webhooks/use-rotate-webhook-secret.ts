import { useMutation, useQueryClient } from "@tanstack/react-query";
import { rotateWebhookSecretOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { ZIssuedWebhookSecret, type TIssuedWebhookSecret } from "@/lib/contracts/webhooks";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useRotateWebhookSecret() {
  const queryClient = useQueryClient();
  return useMutation<TIssuedWebhookSecret, ApiError, { id: string }>({
    mutationFn: ({ id }) =>
      apiFetch(apiPath(rotateWebhookSecretOperation, { id }), {
        method: rotateWebhookSecretOperation.method,
        schema: ZIssuedWebhookSecret,
      }),
    onSettled: () => invalidateWebhooks(queryClient),
  });
}
