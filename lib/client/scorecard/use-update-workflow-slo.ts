import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateWorkflowSloOperation } from "@/lib/contracts/api-catalog/scorecard-operations";
import { ZSloUpdateResult, type TSloUpdateResult, type TUpdateSlo } from "@/lib/contracts/scorecard";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { changeKeys } from "../changes/keys";
import { invalidateWorkflow } from "../workflows/invalidate-workflow";
import { scorecardKeys } from "./keys";

/** Sets a workflow's SLO targets: applied at once on a draft, proposed for review on an active or paused workflow. */
export function useUpdateWorkflowSlo(workflowId: string) {
  const queryClient = useQueryClient();
  return useMutation<TSloUpdateResult, ApiError, TUpdateSlo>({
    mutationFn: (input) =>
      apiFetch(apiPath(updateWorkflowSloOperation, { id: workflowId }), {
        method: updateWorkflowSloOperation.method,
        body: input,
        schema: ZSloUpdateResult,
      }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: scorecardKeys.workflow(workflowId) }),
        queryClient.invalidateQueries({ queryKey: changeKeys.workflow(workflowId) }),
        queryClient.invalidateQueries({ queryKey: changeKeys.all() }),
        invalidateWorkflow(queryClient, workflowId),
      ]),
  });
}
