import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZUserView, type TUpdateUser, type TUserView } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { queryKeys } from "../query-keys";

export type TUpdateUserVariables = { id: string; input: TUpdateUser };

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation<TUserView, ApiError, TUpdateUserVariables>({
    mutationFn: ({ id, input }) => apiFetch(`/api/v1/users/${encodeURIComponent(id)}`, { method: "PATCH", body: input, schema: ZUserView }),
    // Refetch on a conflict too: the editor must see the version that beat theirs.
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
      ]);
    },
  });
}
