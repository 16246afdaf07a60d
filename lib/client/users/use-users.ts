import { useQuery } from "@tanstack/react-query";
import { ZUserList, type TUserList } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { queryKeys } from "../query-keys";

export function useUsers(options: { initialData?: TUserList } = {}) {
  return useQuery<TUserList, ApiError>({
    queryKey: queryKeys.users.list(),
    queryFn: ({ signal }) => apiFetch("/api/v1/users", { schema: ZUserList, signal }),
    initialData: options.initialData,
  });
}
