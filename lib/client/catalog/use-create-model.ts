import { ZModelView, type TCreateModel } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useCreateModel() {
  return useCatalogMutation(
    (input: TCreateModel) => apiFetch("/api/v1/catalog/models", { method: "POST", body: input, schema: ZModelView }),
    [catalogKeys.models()],
  );
}
