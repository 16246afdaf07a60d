import { useQuery } from "@tanstack/react-query";
import { ZChangeRequestList, type TChangeRequestList } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { changeKeys, type TChangeFilters } from "./keys";

/** The review queue (changes:read): pending first, then decided. */
export function useChangeRequests(options: { filters: TChangeFilters; initialData?: TChangeRequestList }) {
  const { filters } = options;
  return useQuery<TChangeRequestList, ApiError>({
    queryKey: changeKeys.list(filters),
    queryFn: ({ signal }) => apiFetch("/api/v1/changes", { query: { ...filters }, schema: ZChangeRequestList, signal }),
    initialData: options.initialData,
  });
}
