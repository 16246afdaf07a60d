import { ZUpdateWebhookEndpoint, ZWebhookEndpointIdParams } from "@/lib/contracts/webhooks";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { deleteWebhookEndpoint } from "@/lib/server/webhooks/delete-webhook-endpoint";
import { updateWebhookEndpoint } from "@/lib/server/webhooks/update-webhook-endpoint";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  PATCH: defineRoute({
    auth: "session",
    permission: "webhooks:manage",
    params: ZWebhookEndpointIdParams,
    body: ZUpdateWebhookEndpoint,
    audit: "webhook.endpoint.changed",
    handler: ({ tx, actor, params, body }) => updateWebhookEndpoint({ tx, actor, id: params.id, input: body }),
  }),
  DELETE: defineRoute({
    auth: "session",
    permission: "webhooks:manage",
    params: ZWebhookEndpointIdParams,
    audit: "webhook.endpoint.changed",
    status: 204,
    handler: ({ tx, actor, params }) => deleteWebhookEndpoint({ tx, actor, id: params.id }),
  }),
});
