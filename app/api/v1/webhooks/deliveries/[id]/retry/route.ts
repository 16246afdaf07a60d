import { ZWebhookDeliveryIdParams } from "@/lib/contracts/webhooks";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { retryWebhookDelivery } from "@/lib/server/webhooks/retry-webhook-delivery";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "webhooks:manage",
    params: ZWebhookDeliveryIdParams,
    audit: "webhook.delivery.retried",
    status: 202,
    handler: ({ tx, actor, params }) => retryWebhookDelivery({ tx, actor, id: params.id }),
  }),
});
