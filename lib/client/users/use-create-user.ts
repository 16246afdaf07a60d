import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createUserOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { ZUserView, type TCreateUser } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
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
  return apiFetch(apiPath(createUserOperation), { method: createUserOperation.method, body: input, schema: ZUserView });
}
