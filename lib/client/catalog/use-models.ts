import { useQuery } from "@tanstack/react-query";
import { ZModelList, type TModelList } from "@/lib/contracts/catalog";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";

export function useModels(options: { initialData?: TModelList } = {}) {
  return useQuery<TModelList, ApiError>({
    queryKey: catalogKeys.models(),
    queryFn: ({ signal }) => apiFetch("/api/v1/catalog/models", { schema: ZModelList, signal }),
    initialData: options.initialData,
  });
}
