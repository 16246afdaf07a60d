import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZChangeRequestView, type TChangeDecision, type TChangeRequestView } from "@/lib/contracts/changes";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { permissionKeys } from "../permissions/keys";
import { queryKeys } from "../query-keys";
import { workflowKeys } from "../workflows/keys";
import { changeKeys } from "./keys";

export function useApproveChange() {
  const queryClient = useQueryClient();
  return useMutation<TChangeRequestView, ApiError, { id: string; decision: TChangeDecision }>({
    mutationFn: ({ id, decision }) =>
      apiFetch(`/api/v1/changes/${encodeURIComponent(id)}/approve`, { method: "POST", body: decision, schema: ZChangeRequestView }),
    // On a conflict too: someone else may have decided first.
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: changeKeys.all() }),
        queryClient.invalidateQueries({ queryKey: permissionKeys.all() }),
        queryClient.invalidateQueries({ queryKey: workflowKeys.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
      ]);
    },
  });
}
