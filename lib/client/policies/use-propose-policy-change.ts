import { proposePolicyChangeOperation } from "@/lib/contracts/api-catalog/review-operations";
import { ZPolicyChangeOpened, type TProposePolicyChange } from "@/lib/contracts/policies";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { catalogKeys } from "../catalog/keys";
import { useCatalogMutation } from "../catalog/use-catalog-mutation";

export function useProposePolicyChange() {
  return useCatalogMutation(
    ({ id, input }: { id: string; input: TProposePolicyChange }) =>
      apiFetch(apiPath(proposePolicyChangeOperation, { id }), {
        method: proposePolicyChangeOperation.method,
        body: input,
        schema: ZPolicyChangeOpened,
      }),
    [catalogKeys.policies()],
  );
}
