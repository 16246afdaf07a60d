import { useQuery } from "@tanstack/react-query";
import { listDataClassesOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZDataClassList, type TDataClassList } from "@/lib/contracts/catalog";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";

export function useDataClasses(options: { initialData?: TDataClassList } = {}) {
  return useQuery<TDataClassList, ApiError>({
    queryKey: catalogKeys.dataClasses(),
    queryFn: ({ signal }) => apiFetch(apiPath(listDataClassesOperation), { schema: ZDataClassList, signal }),
    initialData: options.initialData,
  });
}
