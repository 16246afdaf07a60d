import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZChangeRequestView, type TChangeDecision, type TChangeRequestView } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateClosedChange } from "./invalidate-closed-change";

/** A reviewer's verdict on a pending change request, with the reason that goes on the record. */
export function useDecideChange(verdict: "approve" | "reject") {
  const queryClient = useQueryClient();
  return useMutation<TChangeRequestView, ApiError, { id: string; decision: TChangeDecision }>({
    mutationFn: ({ id, decision }) =>
      apiFetch(`/api/v1/changes/${encodeURIComponent(id)}/${verdict}`, { method: "POST", body: decision, schema: ZChangeRequestView }),
    // On a conflict too: someone else may have decided first.
    onSettled: () => invalidateClosedChange(queryClient),
  });
}
