import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createServiceTokenOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { ZIssuedToken, type TCreateToken, type TIssuedToken } from "@/lib/contracts/tokens-admin";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWorkflow } from "../workflows/invalidate-workflow";
import { tokenKeys } from "./keys";

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation<TIssuedToken, ApiError, { workflowId: string; input: TCreateToken }>({
    mutationFn: ({ workflowId, input }) =>
      apiFetch(apiPath(createServiceTokenOperation, { id: workflowId }), {
        method: createServiceTokenOperation.method,
        body: input,
        schema: ZIssuedToken,
      }),
    onSuccess: async (_data, { workflowId }) => {
      // Readiness counts the workflow's valid tokens.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: tokenKeys.workflow(workflowId) }),
        invalidateWorkflow(queryClient, workflowId),
      ]);
    },
  });
}
