import "server-only";
import type { TWebhookEndpointView } from "@/lib/contracts/webhooks";
import { ZWebhookEventType } from "@/lib/contracts/webhooks";
import type { TTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { redactWebhookUrl } from "./redact-webhook-url";

// Never `secretEncrypted`: no read answers with the secret, even sealed.
const ENDPOINT_VIEW_SELECT = {
  id: true,
  name: true,
  url: true,
  events: true,
  enabled: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
} satisfies Prisma.WebhookEndpointSelect;

/** Endpoints as the console shows them, with their pending and failed delivery counts, oldest first. */
export async function readEndpointViews(tx: TTx, where: Prisma.WebhookEndpointWhereInput = {}): Promise<TWebhookEndpointView[]> {
  const rows = await tx.webhookEndpoint.findMany({ where, select: ENDPOINT_VIEW_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const counts = await tx.webhookDelivery.groupBy({
    by: ["endpointId", "status"],
    where: { endpointId: { in: rows.map((r) => r.id) }, status: { in: ["PENDING", "FAILED"] } },
    _count: { _all: true },
  });
  const countOf = (endpointId: string, status: "PENDING" | "FAILED") =>
    counts.find((c) => c.endpointId === endpointId && c.status === status)?._count._all ?? 0;
  return rows.map((row) => ({
    ...row,
    // Stored as text[]; only known event names are ever written.
    events: row.events.flatMap((event) => ZWebhookEventType.safeParse(event).data ?? []),
    createdAt: row.createdAt.toISOString(),
    pending: countOf(row.id, "PENDING"),
    failed: countOf(row.id, "FAILED"),
  }));
}

export async function readEndpointView(tx: TTx, id: string): Promise<TWebhookEndpointView> {
  const [view] = await readEndpointViews(tx, { id });
  if (!view) throw new Error(`webhook endpoint ${id} vanished inside its own transaction`);
  return view;
}

/** What the audit log keeps of an endpoint: the URL redacted, because for Slack and others the URL is itself a credential. */
export const endpointRecord = (row: { name: string; url: string; events: string[]; enabled: boolean }) => ({
  name: row.name,
  url: redactWebhookUrl(row.url),
  events: row.events,
  enabled: row.enabled,
});
