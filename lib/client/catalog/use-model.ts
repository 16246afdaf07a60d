import { useQuery } from "@tanstack/react-query";
import { getModelOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZModelDetail, type TModelDetail } from "@/lib/contracts/catalog";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";

export function useModel(options: { id: string; initialData?: TModelDetail }) {
  return useQuery<TModelDetail, ApiError>({
    queryKey: catalogKeys.model(options.id),
    queryFn: ({ signal }) => apiFetch(apiPath(getModelOperation, { id: options.id }), { schema: ZModelDetail, signal }),
    initialData: options.initialData,
  });
}
