import { useQuery } from "@tanstack/react-query";
import { readWorkflowPermissionsOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { ZWorkflowPermissions, type TWorkflowPermissions } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { permissionKeys } from "./keys";

export function useWorkflowPermissions(options: { workflowId: string; initialData?: TWorkflowPermissions }) {
  return useQuery<TWorkflowPermissions, ApiError>({
    queryKey: permissionKeys.workflow(options.workflowId),
    queryFn: ({ signal }) =>
      apiFetch(apiPath(readWorkflowPermissionsOperation, { id: options.workflowId }), { schema: ZWorkflowPermissions, signal }),
    initialData: options.initialData,
  });
}
