import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZUserView, type TUserView } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { queryKeys } from "../query-keys";

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation<TUserView, ApiError, { id: string }>({
    mutationFn: ({ id }) => apiFetch(`/api/v1/users/${encodeURIComponent(id)}/unlock`, { method: "POST", schema: ZUserView }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
      ]);
    },
  });
}
