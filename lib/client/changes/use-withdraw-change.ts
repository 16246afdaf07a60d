import { useMutation, useQueryClient } from "@tanstack/react-query";
import { withdrawChangeRequestOperation } from "@/lib/contracts/api-catalog/review-operations";
import { ZChangeRequestView, type TChangeRequestView } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateClosedChange } from "./invalidate-closed-change";

export function useWithdrawChange() {
  const queryClient = useQueryClient();
  return useMutation<TChangeRequestView, ApiError, { id: string }>({
    mutationFn: ({ id }) =>
      apiFetch(apiPath(withdrawChangeRequestOperation, { id }), {
        method: withdrawChangeRequestOperation.method,
        schema: ZChangeRequestView,
      }),
    onSettled: () => invalidateClosedChange(queryClient),
  });
}
