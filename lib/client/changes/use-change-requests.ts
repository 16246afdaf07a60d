import { useQuery } from "@tanstack/react-query";
import { listChangeRequestsOperation } from "@/lib/contracts/api-catalog/review-operations";
import { ZChangeRequestList, type TChangeRequestList } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { changeKeys, type TChangeFilters } from "./keys";

/** The review queue (changes:read): pending first, then decided. */
export function useChangeRequests(options: { filters: TChangeFilters; initialData?: TChangeRequestList }) {
  const { filters } = options;
  return useQuery<TChangeRequestList, ApiError>({
    queryKey: changeKeys.list(filters),
    queryFn: ({ signal }) => apiFetch(apiPath(listChangeRequestsOperation), { query: { ...filters }, schema: ZChangeRequestList, signal }),
    initialData: options.initialData,
  });
}
