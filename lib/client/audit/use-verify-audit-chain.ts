import { useMutation } from "@tanstack/react-query";
import { verifyAuditChainOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { ZAuditChainVerdict, type TAuditChainVerdict } from "@/lib/contracts/audit";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";

/** Runs a full chain verification on the server; it changes nothing, so nothing is invalidated. */
export function useVerifyAuditChain() {
  return useMutation<TAuditChainVerdict, ApiError, void>({
    mutationFn: () =>
      apiFetch(apiPath(verifyAuditChainOperation), { method: verifyAuditChainOperation.method, schema: ZAuditChainVerdict }),
  });
}
