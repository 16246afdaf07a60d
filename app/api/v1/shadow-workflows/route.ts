import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { listShadowWorkflows } from "@/lib/server/registry/shadow/list-shadow-workflows";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({ auth: "session", permission: "workflows:read", handler: ({ who }) => listShadowWorkflows({ user: who }) }),
});
