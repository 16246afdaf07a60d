import { useMutation, useQueryClient } from "@tanstack/react-query";
import { changeWorkflowStatusOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { ZWorkflowDetail, type TChangeWorkflowStatus, type TWorkflowDetail } from "@/lib/contracts/workflows";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWorkflow } from "./invalidate-workflow";
import { workflowKeys } from "./keys";

export function useChangeWorkflowStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation<TWorkflowDetail, ApiError, TChangeWorkflowStatus>({
    mutationFn: (input) =>
      apiFetch(apiPath(changeWorkflowStatusOperation, { id }), {
        method: changeWorkflowStatusOperation.method,
        body: input,
        schema: ZWorkflowDetail,
      }),
    // A refused activation changes nothing but still refreshes the checklist beside the button.
    onSuccess: (saved) => queryClient.setQueryData(workflowKeys.detail(id), saved),
    onSettled: () => invalidateWorkflow(queryClient, id),
  });
}
