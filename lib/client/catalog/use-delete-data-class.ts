import { z } from "zod";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useDeleteDataClass() {
  return useCatalogMutation(
    ({ id }: { id: string }) => apiFetch(`/api/v1/catalog/data-classes/${encodeURIComponent(id)}`, { method: "DELETE", schema: z.undefined() }),
    [catalogKeys.dataClasses()],
  );
}
