import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZWorkflowDetail, type TChangeWorkflowStatus, type TWorkflowDetail } from "@/lib/contracts/workflows";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateWorkflow } from "./invalidate-workflow";
import { workflowKeys } from "./keys";

export function useChangeWorkflowStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation<TWorkflowDetail, ApiError, TChangeWorkflowStatus>({
    mutationFn: (input) => apiFetch(`/api/v1/workflows/${encodeURIComponent(id)}/status`, { method: "POST", body: input, schema: ZWorkflowDetail }),
    // A refused activation changes nothing but still refreshes the checklist beside the button.
    onSuccess: (saved) => queryClient.setQueryData(workflowKeys.detail(id), saved),
    onSettled: () => invalidateWorkflow(queryClient, id),
  });
}
