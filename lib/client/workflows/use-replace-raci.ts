import { useMutation, useQueryClient } from "@tanstack/react-query";
import { replaceRaciOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { ZWorkflowDetail, type TReplaceRaci, type TWorkflowDetail } from "@/lib/contracts/workflows";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWorkflow } from "./invalidate-workflow";
import { workflowKeys } from "./keys";

export function useReplaceRaci(id: string) {
  const queryClient = useQueryClient();
  return useMutation<TWorkflowDetail, ApiError, TReplaceRaci>({
    mutationFn: (input) =>
      apiFetch(apiPath(replaceRaciOperation, { id }), { method: replaceRaciOperation.method, body: input, schema: ZWorkflowDetail }),
    onSuccess: (saved) => queryClient.setQueryData(workflowKeys.detail(id), saved),
    onSettled: () => invalidateWorkflow(queryClient, id),
  });
}
