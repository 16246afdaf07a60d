import { confirmKillSwitchReleaseOperation } from "@/lib/contracts/api-catalog/killswitch-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { confirmKillSwitchRelease } from "@/lib/server/killswitch/confirm-kill-switch-release";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(confirmKillSwitchReleaseOperation, {
    handler: ({ params, body, who, tx, actor }) => confirmKillSwitchRelease({ tx, actor, user: who, id: params.id, reason: body.reason }),
  }),
);
