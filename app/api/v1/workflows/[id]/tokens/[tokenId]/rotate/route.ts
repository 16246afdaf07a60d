import { ZRotateToken, ZTokenParams } from "@/lib/contracts/tokens-admin";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { rotateServiceToken } from "@/lib/server/registry/tokens/rotate-service-token";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "tokens:manage",
    params: ZTokenParams,
    body: ZRotateToken,
    audit: "token.rotated",
    status: 201,
    handler: ({ params, body, who, tx, actor }) =>
      rotateServiceToken({ tx, actor, user: who, workflowId: params.id, tokenId: params.tokenId, overlapMinutes: body.overlapMinutes }),
  }),
});
