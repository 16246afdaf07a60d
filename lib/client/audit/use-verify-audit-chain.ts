import { useMutation } from "@tanstack/react-query";
import { ZAuditChainVerdict, type TAuditChainVerdict } from "@/lib/contracts/audit";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";

/** Runs a full chain verification on the server; it changes nothing, so nothing is invalidated. */
export function useVerifyAuditChain() {
  return useMutation<TAuditChainVerdict, ApiError, void>({
    mutationFn: () => apiFetch("/api/v1/audit/verify", { method: "POST", schema: ZAuditChainVerdict }),
  });
}
