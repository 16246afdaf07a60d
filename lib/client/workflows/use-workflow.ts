import { useQuery } from "@tanstack/react-query";
import { getWorkflowOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { ZWorkflowDetail, type TWorkflowDetail } from "@/lib/contracts/workflows";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { workflowKeys } from "./keys";

export function useWorkflow(options: { id: string; initialData?: TWorkflowDetail }) {
  return useQuery<TWorkflowDetail, ApiError>({
    queryKey: workflowKeys.detail(options.id),
    queryFn: ({ signal }) => apiFetch(apiPath(getWorkflowOperation, { id: options.id }), { schema: ZWorkflowDetail, signal }),
    initialData: options.initialData,
  });
}
