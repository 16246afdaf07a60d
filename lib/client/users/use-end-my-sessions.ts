import { useMutation } from "@tanstack/react-query";
import { endMySessionsOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { ZSessionsEnded, type TSessionsEnded } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";

/** "Sign out everywhere" for oneself; this browser's session ends with the others. */
export function useEndMySessions() {
  return useMutation<TSessionsEnded, ApiError, void>({
    mutationFn: () => apiFetch(apiPath(endMySessionsOperation), { method: endMySessionsOperation.method, schema: ZSessionsEnded }),
  });
}
