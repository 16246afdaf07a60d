import { ZChangeIdParams } from "@/lib/contracts/changes";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { getChangeRequest } from "@/lib/server/registry/changes/get-change-request";

// workflows:read, scoped in the query: changes:read sees every request, an owner their workflows' own.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "workflows:read",
    params: ZChangeIdParams,
    handler: ({ params, who }) => getChangeRequest({ user: who, id: params.id }),
  }),
});
