import { useQuery } from "@tanstack/react-query";
import { ZPolicyList, type TPolicyList } from "@/lib/contracts/policies";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "../catalog/keys";

export function usePolicies(options: { initialData?: TPolicyList } = {}) {
  return useQuery<TPolicyList, ApiError>({
    queryKey: catalogKeys.policies(),
    queryFn: ({ signal }) => apiFetch("/api/v1/policies", { schema: ZPolicyList, signal }),
    initialData: options.initialData,
  });
}
