import { ZWebhookDeliveriesQuery } from "@/lib/contracts/webhooks";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { listWebhookDeliveries } from "@/lib/server/webhooks/list-webhook-deliveries";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "webhooks:manage",
    query: ZWebhookDeliveriesQuery,
    handler: ({ query }) => listWebhookDeliveries({ query }),
  }),
});
