import { useQuery } from "@tanstack/react-query";
import { getChangeRequestOperation } from "@/lib/contracts/api-catalog/review-operations";
import { ZChangeRequestDetail, type TChangeRequestDetail } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { changeKeys } from "./keys";

export function useChangeRequest(options: { id: string; initialData?: TChangeRequestDetail }) {
  return useQuery<TChangeRequestDetail, ApiError>({
    queryKey: changeKeys.detail(options.id),
    queryFn: ({ signal }) => apiFetch(apiPath(getChangeRequestOperation, { id: options.id }), { schema: ZChangeRequestDetail, signal }),
    initialData: options.initialData,
  });
}
