import { updateDataClassOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZDataClassUpdated, type TUpdateDataClass } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useUpdateDataClass() {
  return useCatalogMutation(
    ({ id, input }: { id: string; input: TUpdateDataClass }) =>
      apiFetch(apiPath(updateDataClassOperation, { id }), {
        method: updateDataClassOperation.method,
        body: input,
        schema: ZDataClassUpdated,
      }),
    [catalogKeys.dataClasses()],
  );
}
