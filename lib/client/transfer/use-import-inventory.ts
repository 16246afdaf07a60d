import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZImportResult, type TImportResult, type TInventoryCsvEntity } from "@/lib/contracts/inventory";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";

export type TImportInput = { kind: "json"; document: unknown } | { kind: "csv"; entity: TInventoryCsvEntity; csv: string };

/** Imports an inventory file; afterwards every cached registry view is stale. */
export function useImportInventory() {
  const queryClient = useQueryClient();
  return useMutation<TImportResult, ApiError, TImportInput>({
    mutationFn: (input) =>
      input.kind === "json"
        ? apiFetch("/api/v1/registry/import", { method: "POST", body: input.document, schema: ZImportResult })
        : apiFetch("/api/v1/registry/import/csv", { method: "POST", body: { entity: input.entity, csv: input.csv }, schema: ZImportResult }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
