import { ZPolicyIdParams, ZProposePolicyChange } from "@/lib/contracts/policies";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { getPolicy } from "@/lib/server/registry/policies/get-policy";
import { proposePolicyChange } from "@/lib/server/registry/policies/propose-policy-change";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({ auth: "session", permission: "catalog:read", params: ZPolicyIdParams, handler: ({ params }) => getPolicy({ id: params.id }) }),
  PATCH: defineRoute({
    auth: "session",
    permission: "catalog:manage",
    params: ZPolicyIdParams,
    body: ZProposePolicyChange,
    audit: "change_request.opened",
    status: 202,
    handler: ({ tx, actor, who, params, body }) => proposePolicyChange({ tx, actor, requestedById: who.id, id: params.id, input: body }),
  }),
});
