import { ZConfirmKillSwitchRelease, ZKillSwitchIdParams } from "@/lib/contracts/killswitch";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { confirmKillSwitchRelease } from "@/lib/server/killswitch/confirm-kill-switch-release";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "killswitch:release",
    params: ZKillSwitchIdParams,
    body: ZConfirmKillSwitchRelease,
    audit: "killswitch.released",
    handler: ({ params, body, who, tx, actor }) => confirmKillSwitchRelease({ tx, actor, user: who, id: params.id, reason: body.reason }),
  }),
});
