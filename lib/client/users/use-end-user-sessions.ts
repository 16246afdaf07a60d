import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endUserSessionsOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { ZSessionsEnded, type TSessionsEnded } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { queryKeys } from "../query-keys";

/** An administrator's "sign out everywhere" for another user. */
export function useEndUserSessions() {
  const queryClient = useQueryClient();
  return useMutation<TSessionsEnded, ApiError, { id: string; email: string }>({
    mutationFn: ({ id }) =>
      apiFetch(apiPath(endUserSessionsOperation, { id }), { method: endUserSessionsOperation.method, schema: ZSessionsEnded }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
  });
}
