import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZUserView, type TCreateUser } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { queryKeys } from "../query-keys";

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation<Awaited<ReturnType<typeof createUser>>, ApiError, TCreateUser>({
    mutationFn: createUser,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
      ]);
    },
  });
}

function createUser(input: TCreateUser) {
  return apiFetch("/api/v1/users", { method: "POST", body: input, schema: ZUserView });
}
