import {
  ZConfirmKillSwitchRelease,
  ZEngageKillSwitch,
  ZEngagedKillSwitch,
  ZKillSwitchIdParams,
  ZKillSwitchList,
  ZKillSwitchQuery,
  ZKillSwitchView,
  ZRequestKillSwitchRelease,
} from "../killswitch";
import { defineOperation, type TApiOperation } from "./operation";

const release = { auth: "session", permission: "killswitch:release" } as const;

export const listKillSwitchesOperation = defineOperation({
  auth: "session",
  permission: "killswitch:read",
  id: "listKillSwitches",
  method: "GET",
  path: "/api/v1/killswitch",
  tag: "killswitch",
  summary: "Engaged kill switches (with the halted workflow's runbook), and the released history",
  query: ZKillSwitchQuery,
  status: 200,
  response: ZKillSwitchList,
  errors: [],
});

export const engageKillSwitchOperation = defineOperation({
  auth: "session",
  permission: "killswitch:engage",
  id: "engageKillSwitch",
  method: "POST",
  path: "/api/v1/killswitch",
  tag: "killswitch",
  summary:
    "Halt everything, a workflow, a tool, a model or a provider, with a reason (an owner: their own workflows only); answers once every live gate denies what it halts (or after 5 s, saying how many do)",
  body: ZEngageKillSwitch,
  status: 201,
  response: ZEngagedKillSwitch,
  errors: [403, 404, 409],
  audit: "killswitch.engaged",
});

export const requestKillSwitchReleaseOperation = defineOperation({
  ...release,
  id: "requestKillSwitchRelease",
  method: "POST",
  path: "/api/v1/killswitch/{id}/release-request",
  tag: "killswitch",
  summary: "Ask to release an engaged switch (a Security person); a different Security person confirms",
  params: ZKillSwitchIdParams,
  body: ZRequestKillSwitchRelease,
  status: 200,
  response: ZKillSwitchView,
  errors: [404, 409],
  audit: "killswitch.release_requested",
});

export const withdrawKillSwitchReleaseOperation = defineOperation({
  ...release,
  id: "withdrawKillSwitchRelease",
  method: "DELETE",
  path: "/api/v1/killswitch/{id}/release-request",
  tag: "killswitch",
  summary: "Withdraw your own unconfirmed release request; the switch stays engaged",
  params: ZKillSwitchIdParams,
  status: 200,
  response: ZKillSwitchView,
  errors: [404, 409],
  audit: "killswitch.release_withdrawn",
});

export const confirmKillSwitchReleaseOperation = defineOperation({
  ...release,
  id: "confirmKillSwitchRelease",
  method: "POST",
  path: "/api/v1/killswitch/{id}/release",
  tag: "killswitch",
  summary: "Confirm a release someone else in Security requested (two-person rule): the switch is released",
  params: ZKillSwitchIdParams,
  body: ZConfirmKillSwitchRelease,
  status: 200,
  response: ZKillSwitchView,
  errors: [404, 409],
  audit: "killswitch.released",
});

export const KILLSWITCH_OPERATIONS: readonly TApiOperation[] = [
  listKillSwitchesOperation,
  engageKillSwitchOperation,
  requestKillSwitchReleaseOperation,
  withdrawKillSwitchReleaseOperation,
  confirmKillSwitchReleaseOperation,
];
