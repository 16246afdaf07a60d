import { useQuery } from "@tanstack/react-query";
import { ZChangeRequestDetail, type TChangeRequestDetail } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { changeKeys } from "./keys";

export function useChangeRequest(options: { id: string; initialData?: TChangeRequestDetail }) {
  return useQuery<TChangeRequestDetail, ApiError>({
    queryKey: changeKeys.detail(options.id),
    queryFn: ({ signal }) => apiFetch(`/api/v1/changes/${encodeURIComponent(options.id)}`, { schema: ZChangeRequestDetail, signal }),
    initialData: options.initialData,
  });
}
