import { ZWebhookEndpointIdParams } from "@/lib/contracts/webhooks";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { sendTestWebhook } from "@/lib/server/webhooks/send-test-webhook";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "webhooks:manage",
    params: ZWebhookEndpointIdParams,
    audit: "webhook.test.sent",
    status: 202,
    handler: ({ tx, actor, params }) => sendTestWebhook({ tx, actor, id: params.id }),
  }),
});
