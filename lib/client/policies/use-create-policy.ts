import { createPolicyOperation } from "@/lib/contracts/api-catalog/review-operations";
import { ZPolicyChangeOpened, type TCreatePolicy } from "@/lib/contracts/policies";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "../catalog/keys";
import { useCatalogMutation } from "../catalog/use-catalog-mutation";

export function useCreatePolicy() {
  return useCatalogMutation(
    (input: TCreatePolicy) =>
      apiFetch(apiPath(createPolicyOperation), { method: createPolicyOperation.method, body: input, schema: ZPolicyChangeOpened }),
    [catalogKeys.policies()],
  );
}
