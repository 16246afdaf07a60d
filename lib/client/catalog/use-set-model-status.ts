import { ZModelDetail, type TSetModelStatus } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useSetModelStatus() {
  return useCatalogMutation(
    ({ id, input }: { id: string; input: TSetModelStatus }) =>
      apiFetch(`/api/v1/catalog/models/${encodeURIComponent(id)}/status`, { method: "POST", body: input, schema: ZModelDetail }),
    [catalogKeys.models()],
  );
}
