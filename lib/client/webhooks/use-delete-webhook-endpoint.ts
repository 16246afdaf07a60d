import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateWebhooks } from "./invalidate-webhooks";

export function useDeleteWebhookEndpoint() {
  const queryClient = useQueryClient();
  return useMutation<undefined, ApiError, { id: string }>({
    mutationFn: ({ id }) => apiFetch(`/api/v1/webhooks/${encodeURIComponent(id)}`, { method: "DELETE", schema: z.undefined() }),
    onSettled: () => invalidateWebhooks(queryClient),
  });
}
