import { updateModelOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZModelView, type TUpdateModel } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useUpdateModel() {
  return useCatalogMutation(
    ({ id, input }: { id: string; input: TUpdateModel }) =>
      apiFetch(apiPath(updateModelOperation, { id }), { method: updateModelOperation.method, body: input, schema: ZModelView }),
    [catalogKeys.models()],
  );
}
