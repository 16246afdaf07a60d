import { useQuery } from "@tanstack/react-query";
import { ZDataClassList, type TDataClassList } from "@/lib/contracts/catalog";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";

export function useDataClasses(options: { initialData?: TDataClassList } = {}) {
  return useQuery<TDataClassList, ApiError>({
    queryKey: catalogKeys.dataClasses(),
    queryFn: ({ signal }) => apiFetch("/api/v1/catalog/data-classes", { schema: ZDataClassList, signal }),
    initialData: options.initialData,
  });
}
