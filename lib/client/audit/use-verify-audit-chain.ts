import { useMutation, useQueryClient } from "@tanstack/react-query";
import { verifyAuditChainOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { ZAuditChainVerdict, type TAuditChainVerdict } from "@/lib/contracts/audit";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { queryKeys } from "../query-keys";
import { scorecardKeys } from "../scorecard/keys";

/**
 * Runs a full chain verification on the server, which records its verdict as an audit event: the
 * event list shows it, and scorecards' "audit chain verified" control reads it.
 */
export function useVerifyAuditChain() {
  const queryClient = useQueryClient();
  return useMutation<TAuditChainVerdict, ApiError, void>({
    mutationFn: () =>
      apiFetch(apiPath(verifyAuditChainOperation), { method: verifyAuditChainOperation.method, schema: ZAuditChainVerdict }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
        queryClient.invalidateQueries({ queryKey: scorecardKeys.all() }),
      ]);
    },
  });
}
