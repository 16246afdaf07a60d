import { ZCreateWebhookEndpoint } from "@/lib/contracts/webhooks";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { createWebhookEndpoint } from "@/lib/server/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/server/webhooks/list-webhook-endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "webhooks:manage",
    handler: () => listWebhookEndpoints(),
  }),
  POST: defineRoute({
    auth: "session",
    permission: "webhooks:manage",
    body: ZCreateWebhookEndpoint,
    audit: "webhook.endpoint.changed",
    status: 201,
    handler: ({ tx, actor, who, body }) => createWebhookEndpoint({ tx, actor, userId: who.id, input: body }),
  }),
});
