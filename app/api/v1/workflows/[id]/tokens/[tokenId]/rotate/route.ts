import { rotateServiceTokenOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { rotateServiceToken } from "@/lib/server/registry/tokens/rotate-service-token";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(rotateServiceTokenOperation, {
    handler: ({ params, body, who, tx, actor }) =>
      rotateServiceToken({ tx, actor, user: who, workflowId: params.id, tokenId: params.tokenId, overlapMinutes: body.overlapMinutes }),
  }),
);
