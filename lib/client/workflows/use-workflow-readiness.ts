import { useQuery } from "@tanstack/react-query";
import { ZWorkflowReadiness, type TWorkflowReadiness } from "@/lib/contracts/workflows";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { workflowKeys } from "./keys";

export function useWorkflowReadiness(options: { id: string; initialData?: TWorkflowReadiness }) {
  return useQuery<TWorkflowReadiness, ApiError>({
    queryKey: workflowKeys.readiness(options.id),
    queryFn: ({ signal }) => apiFetch(`/api/v1/workflows/${encodeURIComponent(options.id)}/readiness`, { schema: ZWorkflowReadiness, signal }),
    initialData: options.initialData,
  });
}
