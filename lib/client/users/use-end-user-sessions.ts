import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZSessionsEnded, type TSessionsEnded } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { queryKeys } from "../query-keys";

/** An administrator's "sign out everywhere" for another user. */
export function useEndUserSessions() {
  const queryClient = useQueryClient();
  return useMutation<TSessionsEnded, ApiError, { id: string; email: string }>({
    mutationFn: ({ id }) => apiFetch(`/api/v1/users/${encodeURIComponent(id)}/sessions/revoke`, { method: "POST", schema: ZSessionsEnded }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
  });
}
