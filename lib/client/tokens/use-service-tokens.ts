import { useQuery } from "@tanstack/react-query";
import { ZTokenList, type TTokenList } from "@/lib/contracts/tokens-admin";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { tokenKeys } from "./keys";

export function useServiceTokens(options: { workflowId: string; initialData?: TTokenList }) {
  return useQuery<TTokenList, ApiError>({
    queryKey: tokenKeys.workflow(options.workflowId),
    queryFn: ({ signal }) => apiFetch(`/api/v1/workflows/${encodeURIComponent(options.workflowId)}/tokens`, { schema: ZTokenList, signal }),
    initialData: options.initialData,
  });
}
