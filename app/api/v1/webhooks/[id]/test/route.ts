import { sendTestWebhookOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { sendTestWebhook } from "@/lib/server/webhooks/send-test-webhook";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(sendTestWebhookOperation, { handler: ({ tx, actor, params }) => sendTestWebhook({ tx, actor, id: params.id }) }),
);
