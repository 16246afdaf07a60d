import { useQuery } from "@tanstack/react-query";
import { listServiceTokensOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { ZTokenList, type TTokenList } from "@/lib/contracts/tokens-admin";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { tokenKeys } from "./keys";

export function useServiceTokens(options: { workflowId: string; initialData?: TTokenList }) {
  return useQuery<TTokenList, ApiError>({
    queryKey: tokenKeys.workflow(options.workflowId),
    queryFn: ({ signal }) => apiFetch(apiPath(listServiceTokensOperation, { id: options.workflowId }), { schema: ZTokenList, signal }),
    initialData: options.initialData,
  });
}
