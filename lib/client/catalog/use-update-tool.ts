import { updateToolOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZToolView, type TUpdateTool } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useUpdateTool() {
  return useCatalogMutation(
    ({ id, input }: { id: string; input: TUpdateTool }) =>
      apiFetch(apiPath(updateToolOperation, { id }), { method: updateToolOperation.method, body: input, schema: ZToolView }),
    [catalogKeys.tools()],
  );
}
