import { ZWebhookEndpointIdParams } from "@/lib/contracts/webhooks";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { rotateWebhookSecret } from "@/lib/server/webhooks/rotate-webhook-secret";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "webhooks:manage",
    params: ZWebhookEndpointIdParams,
    audit: "webhook.endpoint.changed",
    handler: ({ tx, actor, params }) => rotateWebhookSecret({ tx, actor, id: params.id }),
  }),
});
