import { ZEngageKillSwitch, ZKillSwitchQuery } from "@/lib/contracts/killswitch";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { db } from "@/lib/server/db/client";
import { awaitKillSwitchPropagation } from "@/lib/server/killswitch/await-kill-switch-propagation";
import { engageKillSwitch } from "@/lib/server/killswitch/engage-kill-switch";
import { listKillSwitches } from "@/lib/server/killswitch/list-kill-switches";

// GET /api/v1/killswitch/stream (SSE) is served by the runtime front door, not by Next.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "killswitch:read",
    query: ZKillSwitchQuery,
    handler: ({ query, who }) => listKillSwitches({ user: who, query }),
  }),
  POST: defineRoute({
    auth: "session",
    permission: "killswitch:engage",
    body: ZEngageKillSwitch,
    audit: "killswitch.engaged",
    status: 201,
    handler: ({ body, who, tx, actor }) => engageKillSwitch({ tx, actor, user: who, input: body }),
    afterCommit: async (view) => ({ ...view, propagation: await awaitKillSwitchPropagation({ db, killSwitchId: view.id }) }),
  }),
});
