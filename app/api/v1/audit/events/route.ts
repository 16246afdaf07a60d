import { listAuditEventsOperation } from "@/lib/contracts/api-catalog/admin-operations";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listAuditEventsOperation, { handler: ({ query }) => listAuditEvents({ query }) }),
);
