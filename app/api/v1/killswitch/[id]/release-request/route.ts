import { requestKillSwitchReleaseOperation, withdrawKillSwitchReleaseOperation } from "@/lib/contracts/api-catalog/killswitch-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { requestKillSwitchRelease } from "@/lib/server/killswitch/request-kill-switch-release";
import { withdrawKillSwitchRelease } from "@/lib/server/killswitch/withdraw-kill-switch-release";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(requestKillSwitchReleaseOperation, {
    handler: ({ params, body, who, tx, actor }) => requestKillSwitchRelease({ tx, actor, user: who, id: params.id, reason: body.reason }),
  }),
  defineRoute(withdrawKillSwitchReleaseOperation, {
    handler: ({ params, who, tx, actor }) => withdrawKillSwitchRelease({ tx, actor, user: who, id: params.id }),
  }),
);
