import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZWorkflowDetail, type TCreateWorkflow, type TWorkflowDetail } from "@/lib/contracts/workflows";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { queryKeys } from "../query-keys";
import { workflowKeys } from "./keys";

export function useCreateWorkflow() {
  const queryClient = useQueryClient();
  return useMutation<TWorkflowDetail, ApiError, TCreateWorkflow>({
    mutationFn: (input) => apiFetch("/api/v1/workflows", { method: "POST", body: input, schema: ZWorkflowDetail }),
    onSuccess: async (created) => {
      queryClient.setQueryData(workflowKeys.detail(created.id), created);
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() });
    },
  });
}
