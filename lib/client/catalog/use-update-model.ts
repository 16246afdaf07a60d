import { ZModelView, type TUpdateModel } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useUpdateModel() {
  return useCatalogMutation(
    ({ id, input }: { id: string; input: TUpdateModel }) =>
      apiFetch(`/api/v1/catalog/models/${encodeURIComponent(id)}`, { method: "PATCH", body: input, schema: ZModelView }),
    [catalogKeys.models()],
  );
}
