import { engageKillSwitchOperation, listKillSwitchesOperation } from "@/lib/contracts/api-catalog/killswitch-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { awaitKillSwitchPropagation } from "@/lib/server/killswitch/await-kill-switch-propagation";
import { engageKillSwitchForUser } from "@/lib/server/killswitch/engage-kill-switch-for-user";
import { listKillSwitches } from "@/lib/server/killswitch/list-kill-switches";

// GET /api/v1/killswitch/stream (SSE) is served by the runtime front door, not by Next.
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listKillSwitchesOperation, { handler: ({ query, who }) => listKillSwitches({ user: who, query }) }),
  defineRoute(engageKillSwitchOperation, {
    handler: ({ body, who, tx, actor }) => engageKillSwitchForUser({ tx, actor, user: who, input: body }),
    afterCommit: async (view, { tx }) => ({ ...view, propagation: await awaitKillSwitchPropagation({ db: tx, killSwitchId: view.id }) }),
  }),
);
