import { ZWorkflowIdParams } from "@/lib/contracts/changes";
import { ZCreateToken } from "@/lib/contracts/tokens-admin";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { createServiceToken } from "@/lib/server/registry/tokens/create-service-token";
import { listServiceTokens } from "@/lib/server/registry/tokens/list-service-tokens";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "workflows:read",
    params: ZWorkflowIdParams,
    handler: ({ params, who }) => listServiceTokens({ user: who, workflowId: params.id }),
  }),
  POST: defineRoute({
    auth: "session",
    permission: "tokens:manage",
    params: ZWorkflowIdParams,
    body: ZCreateToken,
    audit: "token.created",
    status: 201,
    handler: ({ params, body, who, tx, actor }) => createServiceToken({ tx, actor, user: who, workflowId: params.id, input: body }),
  }),
});
