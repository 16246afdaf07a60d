import { useQuery } from "@tanstack/react-query";
import { listUsersOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { ZUserList, type TUserList } from "@/lib/contracts/users";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { queryKeys } from "../query-keys";

export function useUsers(options: { initialData?: TUserList } = {}) {
  return useQuery<TUserList, ApiError>({
    queryKey: queryKeys.users.list(),
    queryFn: ({ signal }) => apiFetch(apiPath(listUsersOperation), { schema: ZUserList, signal }),
    initialData: options.initialData,
  });
}
