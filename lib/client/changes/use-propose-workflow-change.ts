import { useMutation, useQueryClient } from "@tanstack/react-query";
import { proposeWorkflowChangeOperation } from "@/lib/contracts/api-catalog/review-operations";
import { ZChangeRequestView, type TChangeRequestView } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { permissionKeys } from "../permissions/keys";
import type { TPermissionEditVariables } from "../permissions/use-preview-permissions";
import { queryKeys } from "../query-keys";
import { changeKeys } from "./keys";

/** Files an active or paused workflow's permission change for Security's review. */
export function useProposeWorkflowChange() {
  const queryClient = useQueryClient();
  return useMutation<TChangeRequestView, ApiError, TPermissionEditVariables>({
    mutationFn: ({ workflowId, edit }) =>
      apiFetch(apiPath(proposeWorkflowChangeOperation, { id: workflowId }), {
        method: proposeWorkflowChangeOperation.method,
        body: edit,
        schema: ZChangeRequestView,
      }),
    onSettled: async (_data, _error, { workflowId }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: permissionKeys.workflow(workflowId) }),
        queryClient.invalidateQueries({ queryKey: changeKeys.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
      ]);
    },
  });
}
