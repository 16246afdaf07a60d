import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZChangeRequestView, type TChangeRequestView } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateClosedChange } from "./invalidate-closed-change";

export function useWithdrawChange() {
  const queryClient = useQueryClient();
  return useMutation<TChangeRequestView, ApiError, { id: string }>({
    mutationFn: ({ id }) => apiFetch(`/api/v1/changes/${encodeURIComponent(id)}/withdraw`, { method: "POST", schema: ZChangeRequestView }),
    onSettled: () => invalidateClosedChange(queryClient),
  });
}
