import { ZChangesQuery } from "@/lib/contracts/changes";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { listChangeRequests } from "@/lib/server/registry/changes/list-change-requests";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "changes:read",
    query: ZChangesQuery,
    handler: ({ query }) => listChangeRequests({ scope: {}, query }),
  }),
});
