import { listWebhookDeliveriesOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { listWebhookDeliveries } from "@/lib/server/webhooks/list-webhook-deliveries";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(listWebhookDeliveriesOperation, { handler: ({ query }) => listWebhookDeliveries({ query }) }),
);
