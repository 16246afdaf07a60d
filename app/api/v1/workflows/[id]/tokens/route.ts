import { createServiceTokenOperation, listServiceTokensOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { createServiceToken } from "@/lib/server/registry/tokens/create-service-token";
import { listServiceTokens } from "@/lib/server/registry/tokens/list-service-tokens";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listServiceTokensOperation, { handler: ({ params, who }) => listServiceTokens({ user: who, workflowId: params.id }) }),
  defineRoute(createServiceTokenOperation, {
    handler: ({ params, body, who, tx, actor }) => createServiceToken({ tx, actor, user: who, workflowId: params.id, input: body }),
  }),
);
