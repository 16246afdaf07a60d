import { useMutation } from "@tanstack/react-query";
import { ZSessionsEnded, type TSessionsEnded } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";

/** "Sign out everywhere" for oneself; this browser's session ends with the others. */
export function useEndMySessions() {
  return useMutation<TSessionsEnded, ApiError, void>({
    mutationFn: () => apiFetch("/api/v1/me/sessions/revoke", { method: "POST", schema: ZSessionsEnded }),
  });
}
