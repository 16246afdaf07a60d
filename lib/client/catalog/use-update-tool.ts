import { ZToolView, type TUpdateTool } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useUpdateTool() {
  return useCatalogMutation(
    ({ id, input }: { id: string; input: TUpdateTool }) =>
      apiFetch(`/api/v1/catalog/tools/${encodeURIComponent(id)}`, { method: "PATCH", body: input, schema: ZToolView }),
    [catalogKeys.tools()],
  );
}
