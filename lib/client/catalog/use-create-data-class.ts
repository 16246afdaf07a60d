import { ZDataClassView, type TCreateDataClass } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useCreateDataClass() {
  return useCatalogMutation(
    (input: TCreateDataClass) => apiFetch("/api/v1/catalog/data-classes", { method: "POST", body: input, schema: ZDataClassView }),
    [catalogKeys.dataClasses()],
  );
}
