import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { deleteWebhookEndpointOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useDeleteWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation<undefined, ApiError, { id: string }>({
    mutationFn: ({ id }) =>
      apiFetch(apiPath(deleteWebhookEndpointOperation, { id }), { method: deleteWebhookEndpointOperation.method, schema: z.undefined() }),
    onSettled: () => invalidateWebhooks(queryClient),
  });
}
