import { getDashboardOperation } from "@/lib/contracts/api-catalog/scorecard-operations";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(getDashboardOperation, { handler: ({ query, who, tx }) => getDashboard({ db: tx, user: who, window: query.window }) }),
);
