import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateUserOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { ZUserView, type TUpdateUser, type TUserView } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { queryKeys } from "../query-keys";

export type TUpdateUserVariables = { id: string; input: TUpdateUser };

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation<TUserView, ApiError, TUpdateUserVariables>({
    mutationFn: ({ id, input }) =>
      apiFetch(apiPath(updateUserOperation, { id }), { method: updateUserOperation.method, body: input, schema: ZUserView }),
    // Refetch on a conflict too: the editor must see the version that beat theirs.
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
      ]);
    },
  });
}
