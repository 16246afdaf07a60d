import { ZTokenParams } from "@/lib/contracts/tokens-admin";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { revokeServiceToken } from "@/lib/server/registry/tokens/revoke-service-token";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "tokens:manage",
    params: ZTokenParams,
    audit: "token.revoked",
    handler: ({ params, who, tx, actor }) => revokeServiceToken({ tx, actor, user: who, workflowId: params.id, tokenId: params.tokenId }),
  }),
});
