import { useQuery } from "@tanstack/react-query";
import { listWorkflowChangeRequestsOperation } from "@/lib/contracts/api-catalog/review-operations";
import { ZChangeRequestList, type TChangeRequestList } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { changeKeys } from "./keys";

/** One workflow's change requests, for anyone who may read the workflow. */
export function useWorkflowChangeRequests(options: { workflowId: string; initialData?: TChangeRequestList }) {
  return useQuery<TChangeRequestList, ApiError>({
    queryKey: changeKeys.workflow(options.workflowId),
    queryFn: ({ signal }) =>
      apiFetch(apiPath(listWorkflowChangeRequestsOperation, { id: options.workflowId }), { schema: ZChangeRequestList, signal }),
    initialData: options.initialData,
  });
}
