import { useMutation, useQueryClient } from "@tanstack/react-query";
import { applyWorkflowPermissionsOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { ZPermissionsApplied, type TPermissionsApplied } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateWorkflow } from "../workflows/invalidate-workflow";
import { permissionKeys } from "./keys";
import type { TPermissionEditVariables } from "./use-preview-permissions";

/** Saves a draft's permissions directly (PUT); active workflows go through useProposeWorkflowChange. */
export function useApplyPermissions() {
  const queryClient = useQueryClient();
  return useMutation<TPermissionsApplied, ApiError, TPermissionEditVariables>({
    mutationFn: ({ workflowId, edit }) =>
      apiFetch(apiPath(applyWorkflowPermissionsOperation, { id: workflowId }), {
        method: applyWorkflowPermissionsOperation.method,
        body: edit,
        schema: ZPermissionsApplied,
      }),
    // On a conflict too: the editor must see the version that beat theirs.
    onSettled: async (_data, _error, { workflowId }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: permissionKeys.workflow(workflowId) }),
        invalidateWorkflow(queryClient, workflowId),
      ]);
    },
  });
}
