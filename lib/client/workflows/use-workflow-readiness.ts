import { useQuery } from "@tanstack/react-query";
import { getWorkflowReadinessOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { ZWorkflowReadiness, type TWorkflowReadiness } from "@/lib/contracts/workflows";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { workflowKeys } from "./keys";

export function useWorkflowReadiness(options: { id: string; initialData?: TWorkflowReadiness }) {
  return useQuery<TWorkflowReadiness, ApiError>({
    queryKey: workflowKeys.readiness(options.id),
    queryFn: ({ signal }) => apiFetch(apiPath(getWorkflowReadinessOperation, { id: options.id }), { schema: ZWorkflowReadiness, signal }),
    initialData: options.initialData,
  });
}
