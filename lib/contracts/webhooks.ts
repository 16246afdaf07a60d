import { z } from "zod";
import { ZApprovalStatus } from "./approvals";
import { ZApprovalTier } from "./registry-enums";

export const ZWebhookEventType = z.enum(["approval.created", "approval.escalated", "approval.decided"]);
export type TWebhookEventType = z.infer<typeof ZWebhookEventType>;

/** What every approval notification carries (the approvals domain fills it, webhooks deliver it). */
export const ZApprovalWebhookData = z.object({
  id: z.uuid(),
  status: ZApprovalStatus,
  workflowKey: z.string(),
  workflowName: z.string(),
  tool: z.string(),
  tier: ZApprovalTier,
  approvalsRequired: z.number().int(),
  approvals: z.number().int(),
  argumentsHash: z.string(),
  expiresAt: z.iso.datetime(),
  /** The deciding reason once decided; the policy reason while pending. */
  reason: z.string().nullable(),
  breakGlass: z.boolean(),
});
export type TApprovalWebhookData = z.infer<typeof ZApprovalWebhookData>;

/** A delivery's event: an approval event, or the test an operator sends from the console. */
export const WEBHOOK_TEST_EVENT = "webhook.test";
export const ZWebhookDeliveryEvent = z.enum([...ZWebhookEventType.options, WEBHOOK_TEST_EVENT]);
export type TWebhookDeliveryEvent = z.infer<typeof ZWebhookDeliveryEvent>;

export const WEBHOOK_EVENT_LABELS: Record<TWebhookDeliveryEvent, string> = {
  "approval.created": "Approval requested",
  "approval.escalated": "Approval escalated to SECURITY",
  "approval.decided": "Approval decided (approved, denied, expired or cancelled)",
  "webhook.test": "Test delivery",
};

export const ZWebhookDeliveryStatus = z.enum(["PENDING", "DELIVERED", "FAILED"]);
export type TWebhookDeliveryStatus = z.infer<typeof ZWebhookDeliveryStatus>;

export const ZWebhookEndpointIdParams = z.object({ id: z.uuid("Not a webhook endpoint id") });
export const ZWebhookDeliveryIdParams = z.object({ id: z.uuid("Not a webhook delivery id") });

const ZName = z.string().trim().min(1, "Name the endpoint, e.g. #approvals in Slack").max(100, "Use at most 100 characters");
const ZUrl = z
  .string()
  .trim()
  .max(2048, "Use at most 2048 characters")
  .refine((value) => URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol), "Enter an http:// or https:// URL")
  .refine((value) => !URL.canParse(value) || !new URL(value).username, "Put no credentials in the URL: requests are signed instead");
const ZEvents = z
  .array(ZWebhookEventType)
  .min(1, "Choose at least one event")
  // Stored once each in a fixed order, so equal sets compare and display equally.
  .transform((events) => ZWebhookEventType.options.filter((e) => events.includes(e)));

export const ZCreateWebhookEndpoint = z.object({ name: ZName, url: ZUrl, events: ZEvents, enabled: z.boolean().default(true) });
export type TCreateWebhookEndpoint = z.input<typeof ZCreateWebhookEndpoint>;
export type TCreateWebhookEndpointInput = z.output<typeof ZCreateWebhookEndpoint>;

export const ZUpdateWebhookEndpoint = z
  .object({ name: ZName.optional(), url: ZUrl.optional(), events: ZEvents.optional(), enabled: z.boolean().optional() })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "Send at least one of name, url, events or enabled",
    path: ["name"],
  });
export type TUpdateWebhookEndpoint = z.input<typeof ZUpdateWebhookEndpoint>;
export type TUpdateWebhookEndpointInput = z.output<typeof ZUpdateWebhookEndpoint>;

/** An endpoint as every read shows it: never its secret. */
export const ZWebhookEndpointView = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(ZWebhookEventType),
  enabled: z.boolean(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  /** Deliveries waiting for their next attempt, and those that gave up. */
  pending: z.number().int(),
  failed: z.number().int(),
});
export type TWebhookEndpointView = z.infer<typeof ZWebhookEndpointView>;

export const ZWebhookEndpointList = z.object({ endpoints: z.array(ZWebhookEndpointView) });
export type TWebhookEndpointList = z.infer<typeof ZWebhookEndpointList>;

/** The one answer that carries the signing secret (at creation and at rotation); it is never shown again. */
export const ZIssuedWebhookSecret = z.object({ endpoint: ZWebhookEndpointView, secret: z.string() });
export type TIssuedWebhookSecret = z.infer<typeof ZIssuedWebhookSecret>;

export const ZWebhookDeliveryView = z.object({
  id: z.string(),
  endpointId: z.string(),
  endpointName: z.string(),
  event: z.string(),
  status: ZWebhookDeliveryStatus,
  attempts: z.number().int(),
  /** When the dispatcher tries again; null once delivered or failed. */
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TWebhookDeliveryView = z.infer<typeof ZWebhookDeliveryView>;

export const WEBHOOK_DELIVERY_PAGE_DEFAULT = 50;
export const WEBHOOK_DELIVERY_PAGE_MAX = 200;

export const ZWebhookDeliveriesQuery = z.object({
  endpointId: z.uuid("Not a webhook endpoint id").optional(),
  status: ZWebhookDeliveryStatus.optional(),
  /** Deliveries older than this one (the previous page's `nextCursor`). */
  cursor: z.uuid("A cursor is a delivery id from the previous page").optional(),
  limit: z.coerce.number().int().min(1).max(WEBHOOK_DELIVERY_PAGE_MAX).default(WEBHOOK_DELIVERY_PAGE_DEFAULT),
});
export type TWebhookDeliveriesQuery = z.input<typeof ZWebhookDeliveriesQuery>;
export type TWebhookDeliveriesQueryInput = z.output<typeof ZWebhookDeliveriesQuery>;

export const ZWebhookDeliveryPage = z.object({ deliveries: z.array(ZWebhookDeliveryView), nextCursor: z.string().nullable() });
export type TWebhookDeliveryPage = z.infer<typeof ZWebhookDeliveryPage>;
