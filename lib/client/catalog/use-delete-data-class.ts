import { z } from "zod";
import { deleteDataClassOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useDeleteDataClass() {
  return useCatalogMutation(
    ({ id }: { id: string }) =>
      apiFetch(apiPath(deleteDataClassOperation, { id }), { method: deleteDataClassOperation.method, schema: z.undefined() }),
    [catalogKeys.dataClasses()],
  );
}
