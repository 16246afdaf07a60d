import { deleteWebhookEndpointOperation, updateWebhookEndpointOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { deleteWebhookEndpoint } from "@/lib/server/webhooks/delete-webhook-endpoint";
import { updateWebhookEndpoint } from "@/lib/server/webhooks/update-webhook-endpoint";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(updateWebhookEndpointOperation, {
    handler: ({ tx, actor, params, body }) => updateWebhookEndpoint({ tx, actor, id: params.id, input: body }),
  }),
  defineRoute(deleteWebhookEndpointOperation, { handler: ({ tx, actor, params }) => deleteWebhookEndpoint({ tx, actor, id: params.id }) }),
);
