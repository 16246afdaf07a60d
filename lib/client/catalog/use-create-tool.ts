import { createToolOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZToolView, type TCreateTool } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useCreateTool() {
  return useCatalogMutation(
    (input: TCreateTool) => apiFetch(apiPath(createToolOperation), { method: createToolOperation.method, body: input, schema: ZToolView }),
    [catalogKeys.tools()],
  );
}
