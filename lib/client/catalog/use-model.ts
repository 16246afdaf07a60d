import { useQuery } from "@tanstack/react-query";
import { ZModelDetail, type TModelDetail } from "@/lib/contracts/catalog";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";

export function useModel(options: { id: string; initialData?: TModelDetail }) {
  return useQuery<TModelDetail, ApiError>({
    queryKey: catalogKeys.model(options.id),
    queryFn: ({ signal }) => apiFetch(`/api/v1/catalog/models/${encodeURIComponent(options.id)}`, { schema: ZModelDetail, signal }),
    initialData: options.initialData,
  });
}
