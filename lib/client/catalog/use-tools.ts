import { useQuery } from "@tanstack/react-query";
import { listToolsOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZToolList, type TToolList } from "@/lib/contracts/catalog";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";

export function useTools(options: { initialData?: TToolList } = {}) {
  return useQuery<TToolList, ApiError>({
    queryKey: catalogKeys.tools(),
    queryFn: ({ signal }) => apiFetch(apiPath(listToolsOperation), { schema: ZToolList, signal }),
    initialData: options.initialData,
  });
}
