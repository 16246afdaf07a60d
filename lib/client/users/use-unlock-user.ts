import { useMutation, useQueryClient } from "@tanstack/react-query";
import { unlockUserOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { ZUserView, type TUserView } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { queryKeys } from "../query-keys";

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation<TUserView, ApiError, { id: string }>({
    mutationFn: ({ id }) => apiFetch(apiPath(unlockUserOperation, { id }), { method: unlockUserOperation.method, schema: ZUserView }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
      ]);
    },
  });
}
