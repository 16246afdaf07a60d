import { createWebhookEndpointOperation, listWebhookEndpointsOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { createWebhookEndpoint } from "@/lib/server/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/server/webhooks/list-webhook-endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listWebhookEndpointsOperation, { handler: () => listWebhookEndpoints() }),
  defineRoute(createWebhookEndpointOperation, {
    handler: ({ tx, actor, who, body }) => createWebhookEndpoint({ tx, actor, userId: who.id, input: body }),
  }),
);
