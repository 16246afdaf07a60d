import { createModelOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZModelView, type TCreateModel } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useCreateModel() {
  return useCatalogMutation(
    (input: TCreateModel) =>
      apiFetch(apiPath(createModelOperation), { method: createModelOperation.method, body: input, schema: ZModelView }),
    [catalogKeys.models()],
  );
}
