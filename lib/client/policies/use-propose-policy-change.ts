import { ZPolicyChangeOpened, type TProposePolicyChange } from "@/lib/contracts/policies";
import { apiFetch } from "../api-fetch";
import { catalogKeys } from "../catalog/keys";
import { useCatalogMutation } from "../catalog/use-catalog-mutation";

export function useProposePolicyChange() {
  return useCatalogMutation(
    ({ id, input }: { id: string; input: TProposePolicyChange }) =>
      apiFetch(`/api/v1/policies/${encodeURIComponent(id)}`, { method: "PATCH", body: input, schema: ZPolicyChangeOpened }),
    [catalogKeys.policies()],
  );
}
