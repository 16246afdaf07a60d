import { useQuery } from "@tanstack/react-query";
import { listModelsOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZModelList, type TModelList } from "@/lib/contracts/catalog";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";

export function useModels(options: { initialData?: TModelList } = {}) {
  return useQuery<TModelList, ApiError>({
    queryKey: catalogKeys.models(),
    queryFn: ({ signal }) => apiFetch(apiPath(listModelsOperation), { schema: ZModelList, signal }),
    initialData: options.initialData,
  });
}
