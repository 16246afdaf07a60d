import { setModelStatusOperation } from "@/lib/contracts/api-catalog/catalog-operations";
import { ZModelDetail, type TSetModelStatus } from "@/lib/contracts/catalog";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "./keys";
import { useCatalogMutation } from "./use-catalog-mutation";

export function useSetModelStatus() {
  return useCatalogMutation(
    ({ id, input }: { id: string; input: TSetModelStatus }) =>
      apiFetch(apiPath(setModelStatusOperation, { id }), { method: setModelStatusOperation.method, body: input, schema: ZModelDetail }),
    [catalogKeys.models()],
  );
}
