import {
  ZCreateWebhookEndpoint,
  ZIssuedWebhookSecret,
  ZUpdateWebhookEndpoint,
  ZWebhookDeliveriesQuery,
  ZWebhookDeliveryIdParams,
  ZWebhookDeliveryPage,
  ZWebhookDeliveryView,
  ZWebhookEndpointIdParams,
  ZWebhookEndpointList,
  ZWebhookEndpointView,
} from "../webhooks";
import { defineOperation, type TApiOperation } from "./operation";

const manage = { auth: "session", permission: "webhooks:manage", tag: "webhooks" } as const;

export const listWebhookEndpointsOperation = defineOperation({
  ...manage,
  id: "listWebhookEndpoints",
  method: "GET",
  path: "/api/v1/webhooks",
  summary: "Every webhook endpoint with its pending and failed delivery counts; never a secret",
  status: 200,
  response: ZWebhookEndpointList,
  errors: [],
});

export const createWebhookEndpointOperation = defineOperation({
  ...manage,
  id: "createWebhookEndpoint",
  method: "POST",
  path: "/api/v1/webhooks",
  summary: "Add an endpoint; the answer carries its signing secret, shown this once",
  body: ZCreateWebhookEndpoint,
  status: 201,
  response: ZIssuedWebhookSecret,
  errors: [503],
  audit: "webhook.endpoint.changed",
});

export const updateWebhookEndpointOperation = defineOperation({
  ...manage,
  id: "updateWebhookEndpoint",
  method: "PATCH",
  path: "/api/v1/webhooks/{id}",
  summary: "Change an endpoint's name, URL, events or enabled flag (disabling gives up its pending deliveries)",
  params: ZWebhookEndpointIdParams,
  body: ZUpdateWebhookEndpoint,
  status: 200,
  response: ZWebhookEndpointView,
  errors: [404],
  audit: "webhook.endpoint.changed",
});

export const deleteWebhookEndpointOperation = defineOperation({
  ...manage,
  id: "deleteWebhookEndpoint",
  method: "DELETE",
  path: "/api/v1/webhooks/{id}",
  summary: "Remove an endpoint and its delivery log",
  params: ZWebhookEndpointIdParams,
  status: 204,
  errors: [404],
  audit: "webhook.endpoint.changed",
});

export const rotateWebhookSecretOperation = defineOperation({
  ...manage,
  id: "rotateWebhookSecret",
  method: "POST",
  path: "/api/v1/webhooks/{id}/rotate-secret",
  summary: "Replace the signing secret at once; the answer carries the new one, shown this once",
  params: ZWebhookEndpointIdParams,
  status: 200,
  response: ZIssuedWebhookSecret,
  errors: [404, 503],
  audit: "webhook.endpoint.changed",
});

export const sendTestWebhookOperation = defineOperation({
  ...manage,
  id: "sendTestWebhook",
  method: "POST",
  path: "/api/v1/webhooks/{id}/test",
  summary: "Queue a signed webhook.test delivery to an enabled endpoint",
  params: ZWebhookEndpointIdParams,
  status: 202,
  response: ZWebhookDeliveryView,
  errors: [404, 409],
  audit: "webhook.test.sent",
});

export const listWebhookDeliveriesOperation = defineOperation({
  ...manage,
  id: "listWebhookDeliveries",
  method: "GET",
  path: "/api/v1/webhooks/deliveries",
  summary: "The delivery log, newest first, by endpoint and status, a page at a time",
  query: ZWebhookDeliveriesQuery,
  status: 200,
  response: ZWebhookDeliveryPage,
  errors: [],
});

export const retryWebhookDeliveryOperation = defineOperation({
  ...manage,
  id: "retryWebhookDelivery",
  method: "POST",
  path: "/api/v1/webhooks/deliveries/{id}/retry",
  summary: "Give a failed delivery one more attempt now",
  params: ZWebhookDeliveryIdParams,
  status: 202,
  response: ZWebhookDeliveryView,
  errors: [404, 409],
  audit: "webhook.delivery.retried",
});

export const WEBHOOK_OPERATIONS: readonly TApiOperation[] = [
  listWebhookEndpointsOperation,
  createWebhookEndpointOperation,
  updateWebhookEndpointOperation,
  deleteWebhookEndpointOperation,
  rotateWebhookSecretOperation,
  sendTestWebhookOperation,
  listWebhookDeliveriesOperation,
  retryWebhookDeliveryOperation,
];
