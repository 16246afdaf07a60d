import { ZAuditEventsQuery } from "@/lib/contracts/audit";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "audit:read",
    query: ZAuditEventsQuery,
    handler: ({ query }) => listAuditEvents({ query }),
  }),
});
