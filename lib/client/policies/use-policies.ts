import { useQuery } from "@tanstack/react-query";
import { listPoliciesOperation } from "@/lib/contracts/api-catalog/review-operations";
import { ZPolicyList, type TPolicyList } from "@/lib/contracts/policies";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "../catalog/keys";

export function usePolicies(options: { initialData?: TPolicyList } = {}) {
  return useQuery<TPolicyList, ApiError>({
    queryKey: catalogKeys.policies(),
    queryFn: ({ signal }) => apiFetch(apiPath(listPoliciesOperation), { schema: ZPolicyList, signal }),
    initialData: options.initialData,
  });
}
