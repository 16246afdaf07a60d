import { useMutation, useQueryClient } from "@tanstack/react-query";
import { importInventoryCsvOperation, importInventoryOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { ZImportResult, type TImportResult, type TInventoryCsvEntity } from "@/lib/contracts/inventory";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";

export type TImportInput = { kind: "json"; document: unknown } | { kind: "csv"; entity: TInventoryCsvEntity; csv: string };

/** Imports an inventory file; afterwards every cached registry view is stale. */
export function useImportInventory() {
  const queryClient = useQueryClient();
  return useMutation<TImportResult, ApiError, TImportInput>({
    mutationFn: (input) =>
      input.kind === "json"
        ? apiFetch(apiPath(importInventoryOperation), {
            method: importInventoryOperation.method,
            body: input.document,
            schema: ZImportResult,
          })
        : apiFetch(apiPath(importInventoryCsvOperation), {
            method: importInventoryCsvOperation.method,
            body: { entity: input.entity, csv: input.csv },
            schema: ZImportResult,
          }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
