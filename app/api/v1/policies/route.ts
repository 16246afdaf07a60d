import { createPolicyOperation, listPoliciesOperation } from "@/lib/contracts/api-catalog/review-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { createPolicy } from "@/lib/server/registry/policies/create-policy";
import { listPolicies } from "@/lib/server/registry/policies/list-policies";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listPoliciesOperation, { handler: () => listPolicies() }),
  defineRoute(createPolicyOperation, {
    handler: ({ tx, actor, who, body }) => createPolicy({ tx, actor, requestedById: who.id, input: body }),
  }),
);
