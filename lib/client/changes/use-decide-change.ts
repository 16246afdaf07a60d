import { useMutation, useQueryClient } from "@tanstack/react-query";
import { approveChangeRequestOperation, rejectChangeRequestOperation } from "@/lib/contracts/api-catalog/review-operations";
import { ZChangeRequestView, type TChangeDecision, type TChangeRequestView } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateClosedChange } from "./invalidate-closed-change";

/** A reviewer's verdict on a pending change request, with the reason that goes on the record. */
export function useDecideChange(verdict: "approve" | "reject") {
  const queryClient = useQueryClient();
  const operation = verdict === "approve" ? approveChangeRequestOperation : rejectChangeRequestOperation;
  return useMutation<TChangeRequestView, ApiError, { id: string; decision: TChangeDecision }>({
    mutationFn: ({ id, decision }) =>
      apiFetch(apiPath(operation, { id }), { method: operation.method, body: decision, schema: ZChangeRequestView }),
    // On a conflict too: someone else may have decided first.
    onSettled: () => invalidateClosedChange(queryClient),
  });
}
