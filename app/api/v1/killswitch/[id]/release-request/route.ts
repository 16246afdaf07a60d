import { ZKillSwitchIdParams, ZRequestKillSwitchRelease } from "@/lib/contracts/killswitch";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { requestKillSwitchRelease } from "@/lib/server/killswitch/request-kill-switch-release";
import { withdrawKillSwitchRelease } from "@/lib/server/killswitch/withdraw-kill-switch-release";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "killswitch:release",
    params: ZKillSwitchIdParams,
    body: ZRequestKillSwitchRelease,
    audit: "killswitch.release_requested",
    handler: ({ params, body, who, tx, actor }) => requestKillSwitchRelease({ tx, actor, user: who, id: params.id, reason: body.reason }),
  }),
  DELETE: defineRoute({
    auth: "session",
    permission: "killswitch:release",
    params: ZKillSwitchIdParams,
    audit: "killswitch.release_withdrawn",
    handler: ({ params, who, tx, actor }) => withdrawKillSwitchRelease({ tx, actor, user: who, id: params.id }),
  }),
});
