import { useQuery } from "@tanstack/react-query";
import { ZWorkflowPermissions, type TWorkflowPermissions } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { permissionKeys } from "./keys";

export function useWorkflowPermissions(options: { workflowId: string; initialData?: TWorkflowPermissions }) {
  return useQuery<TWorkflowPermissions, ApiError>({
    queryKey: permissionKeys.workflow(options.workflowId),
    queryFn: ({ signal }) => apiFetch(`/api/v1/workflows/${encodeURIComponent(options.workflowId)}/permissions`, { schema: ZWorkflowPermissions, signal }),
    initialData: options.initialData,
  });
}
