import { rotateWebhookSecretOperation } from "@/lib/contracts/api-catalog/webhook-operations";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { rotateWebhookSecret } from "@/lib/server/webhooks/rotate-webhook-secret";

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(rotateWebhookSecretOperation, { handler: ({ tx, actor, params }) => rotateWebhookSecret({ tx, actor, id: params.id }) }),
);
