import { revokeServiceTokenOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { revokeServiceToken } from "@/lib/server/registry/tokens/revoke-service-token";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(revokeServiceTokenOperation, {
    handler: ({ params, who, tx, actor }) => revokeServiceToken({ tx, actor, user: who, workflowId: params.id, tokenId: params.tokenId }),
  }),
);
