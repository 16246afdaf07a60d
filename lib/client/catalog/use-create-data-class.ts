import { createDataClassOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZDataClassView, type TCreateDataClass } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useCreateDataClass() {
  return useCatalogMutation(
    (input: TCreateDataClass) =>
      apiFetch(apiPath(createDataClassOperation), { method: createDataClassOperation.method, body: input, schema: ZDataClassView }),
    [catalogKeys.dataClasses()],
  );
}
