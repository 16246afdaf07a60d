import { useQuery } from "@tanstack/react-query";
import { getApprovalDetailOperation } from "@/lib/contracts/api-catalog/approval-operations";
import { ZApprovalDetail, type TApprovalDetail } from "@/lib/contracts/approvals-console";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { approvalKeys } from "./keys";
import { APPROVAL_FALLBACK_REFRESH_MS } from "./use-approval-live-updates";

export function useApprovalDetail(options: { id: string; initialData?: TApprovalDetail; live: boolean }) {
  return useQuery<TApprovalDetail, ApiError>({
    queryKey: approvalKeys.detail(options.id),
    queryFn: ({ signal }) => apiFetch(apiPath(getApprovalDetailOperation, { id: options.id }), { schema: ZApprovalDetail, signal }),
    initialData: options.initialData,
    refetchInterval: options.live ? false : APPROVAL_FALLBACK_REFRESH_MS,
  });
}
