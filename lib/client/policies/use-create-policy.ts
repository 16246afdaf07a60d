import { ZPolicyChangeOpened, type TCreatePolicy } from "@/lib/contracts/policies";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "../catalog/keys";
import { useCatalogMutation } from "../catalog/use-catalog-mutation";

export function useCreatePolicy() {
  return useCatalogMutation(
    (input: TCreatePolicy) => apiFetch("/api/v1/policies", { method: "POST", body: input, schema: ZPolicyChangeOpened }),
    [catalogKeys.policies()],
  );
}
