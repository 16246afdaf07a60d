import { useQuery } from "@tanstack/react-query";
import { getPolicyOperation } from "@/lib/contracts/api-catalog/review-operations";
import { ZPolicyDetail, type TPolicyDetail } from "@/lib/contracts/policies";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "../catalog/keys";

export function usePolicy(options: { id: string; initialData?: TPolicyDetail }) {
  return useQuery<TPolicyDetail, ApiError>({
    queryKey: catalogKeys.policy(options.id),
    queryFn: ({ signal }) => apiFetch(apiPath(getPolicyOperation, { id: options.id }), { schema: ZPolicyDetail, signal }),
    initialData: options.initialData,
  });
}
