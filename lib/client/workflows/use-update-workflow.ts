import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateWorkflowOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { ZWorkflowDetail, type TUpdateWorkflow, type TWorkflowDetail } from "@/lib/contracts/workflows";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWorkflow } from "./invalidate-workflow";
import { workflowKeys } from "./keys";

export function useUpdateWorkflow(id: string) {
  const queryClient = useQueryClient();
  return useMutation<TWorkflowDetail, ApiError, TUpdateWorkflow>({
    mutationFn: (input) =>
      apiFetch(apiPath(updateWorkflowOperation, { id }), { method: updateWorkflowOperation.method, body: input, schema: ZWorkflowDetail }),
    // Refetch on a conflict too: the editor must see the version that beat theirs.
    onSuccess: (saved) => queryClient.setQueryData(workflowKeys.detail(id), saved),
    onSettled: () => invalidateWorkflow(queryClient, id),
  });
}
