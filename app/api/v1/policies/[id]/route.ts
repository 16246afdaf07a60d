import { getPolicyOperation, proposePolicyChangeOperation } from "@/lib/contracts/api-catalog/review-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { getPolicy } from "@/lib/server/registry/policies/get-policy";
import { proposePolicyChange } from "@/lib/server/registry/policies/propose-policy-change";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getPolicyOperation, { handler: ({ params }) => getPolicy({ id: params.id }) }),
  defineRoute(proposePolicyChangeOperation, {
    handler: ({ tx, actor, who, params, body }) => proposePolicyChange({ tx, actor, requestedById: who.id, id: params.id, input: body }),
  }),
);
