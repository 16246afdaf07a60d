import "server-only";
import type { TWebhookDeliveriesQueryInput, TWebhookDeliveryPage } from "@/lib/contracts/webhooks";
import { db, type TTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { DELIVERY_VIEW_SELECT, toDeliveryView } from "./delivery-view";

/** One page of the delivery log, newest first, for one endpoint or all; `nextCursor` fetches the page after it. */
export async function listWebhookDeliveries(options: { tx?: TTx; query: TWebhookDeliveriesQueryInput }): Promise<TWebhookDeliveryPage> {
  const { query } = options;
  const tx = options.tx ?? db;
  const where: Prisma.WebhookDeliveryWhereInput[] = [];
  if (query.endpointId) where.push({ endpointId: query.endpointId });
  if (query.status) where.push({ status: query.status });
  if (query.cursor) {
    const cursor = await tx.webhookDelivery.findUnique({ where: { id: query.cursor }, select: { createdAt: true } });
    // A cursor whose delivery was deleted with its endpoint ends the log rather than restarting it.
    if (!cursor) return { deliveries: [], nextCursor: null };
    where.push({ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: query.cursor } }] });
  }
  // One extra row says whether another page exists without counting the whole log.
  const rows = await tx.webhookDelivery.findMany({
    where: { AND: where },
    select: DELIVERY_VIEW_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { deliveries: page.map(toDeliveryView), nextCursor: rows.length > query.limit && last ? last.id : null };
}
