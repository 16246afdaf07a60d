import { retryWebhookDeliveryOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { retryWebhookDelivery } from "@/lib/server/webhooks/retry-webhook-delivery";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(retryWebhookDeliveryOperation, { handler: ({ tx, actor, params }) => retryWebhookDelivery({ tx, actor, id: params.id }) }),
);
