import { useQuery } from "@tanstack/react-query";
import { ZWorkflowDetail, type TWorkflowDetail } from "@/lib/contracts/workflows";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { workflowKeys } from "./keys";

export function useWorkflow(options: { id: string; initialData?: TWorkflowDetail }) {
  return useQuery<TWorkflowDetail, ApiError>({
    queryKey: workflowKeys.detail(options.id),
    queryFn: ({ signal }) => apiFetch(`/api/v1/workflows/${encodeURIComponent(options.id)}`, { schema: ZWorkflowDetail, signal }),
    initialData: options.initialData,
  });
}
