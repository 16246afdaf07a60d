import { ZCreatePolicy } from "@/lib/contracts/policies";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { createPolicy } from "@/lib/server/registry/policies/create-policy";
import { listPolicies } from "@/lib/server/registry/policies/list-policies";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({ auth: "session", permission: "catalog:read", handler: () => listPolicies() }),
  // 202: the policy is proposed, not applied; a second SECURITY user's approval applies it.
  POST: defineRoute({
    auth: "session",
    permission: "catalog:manage",
    body: ZCreatePolicy,
    audit: "change_request.opened",
    status: 202,
    handler: ({ tx, actor, who, body }) => createPolicy({ tx, actor, requestedById: who.id, input: body }),
  }),
});
