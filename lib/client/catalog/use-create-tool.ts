import { ZToolView, type TCreateTool } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useCreateTool() {
  return useCatalogMutation(
    (input: TCreateTool) => apiFetch("/api/v1/catalog/tools", { method: "POST", body: input, schema: ZToolView }),
    [catalogKeys.tools()],
  );
}
