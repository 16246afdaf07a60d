import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { ApiError } from "../api-error";
import { queryKeys } from "../query-keys";

/**
 * A catalog write: on success or failure (a conflict must show the version that won) it refetches
 * exactly `keys` and the audit log, which every catalog change appends to.
 */
export function useCatalogMutation<TData, TVariables>(mutationFn: (variables: TVariables) => Promise<TData>, keys: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation<TData, ApiError, TVariables>({
    mutationFn,
    onSettled: async () => {
      await Promise.all([...keys, queryKeys.audit.all()].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
