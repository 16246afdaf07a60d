import { ZDataClassUpdated, type TUpdateDataClass } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useUpdateDataClass() {
  return useCatalogMutation(
    ({ id, input }: { id: string; input: TUpdateDataClass }) =>
      apiFetch(`/api/v1/catalog/data-classes/${encodeURIComponent(id)}`, { method: "PATCH", body: input, schema: ZDataClassUpdated }),
    [catalogKeys.dataClasses()],
  );
}
