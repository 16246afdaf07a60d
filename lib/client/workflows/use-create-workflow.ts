import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createWorkflowOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { ZWorkflowDetail, type TCreateWorkflow, type TWorkflowDetail } from "@/lib/contracts/workflows";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { queryKeys } from "../query-keys";
import { workflowKeys } from "./keys";

export function useCreateWorkflow() {
  const queryClient = useQueryClient();
  return useMutation<TWorkflowDetail, ApiError, TCreateWorkflow>({
    mutationFn: (input) =>
      apiFetch(apiPath(createWorkflowOperation), { method: createWorkflowOperation.method, body: input, schema: ZWorkflowDetail }),
    onSuccess: async (created) => {
      queryClient.setQueryData(workflowKeys.detail(created.id), created);
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() });
    },
  });
}
