import { useQuery } from "@tanstack/react-query";
import { ZToolList, type TToolList } from "@/lib/contracts/catalog";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";

export function useTools(options: { initialData?: TToolList } = {}) {
  return useQuery<TToolList, ApiError>({
    queryKey: catalogKeys.tools(),
    queryFn: ({ signal }) => apiFetch("/api/v1/catalog/tools", { schema: ZToolList, signal }),
    initialData: options.initialData,
  });
}
