import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZIssuedToken, type TCreateToken, type TIssuedToken } from "@/lib/contracts/tokens-admin";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateWorkflow } from "../workflows/invalidate-workflow";
import { tokenKeys } from "./keys";

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation<TIssuedToken, ApiError, { workflowId: string; input: TCreateToken }>({
    mutationFn: ({ workflowId, input }) =>
      apiFetch(`/api/v1/workflows/${encodeURIComponent(workflowId)}/tokens`, { method: "POST", body: input, schema: ZIssuedToken }),
    onSuccess: async (_data, { workflowId }) => {
      // Readiness counts the workflow's valid tokens.
      await Promise.all([queryClient.invalidateQueries({ queryKey: tokenKeys.workflow(workflowId) }), invalidateWorkflow(queryClient, workflowId)]);
    },
  });
}
