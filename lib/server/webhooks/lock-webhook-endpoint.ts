import "server-only";
import type { TTx } from "../db/client";
import { notFound } from "../errors";

/** Row-locks an endpoint for a change, so two editors (or an edit and a rotation) apply one after the other. */
export async function lockWebhookEndpoint(tx: TTx, id: string) {
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 FROM webhook_endpoints WHERE id = ${id}::uuid FOR UPDATE`;
  if (!rows.length) throw notFound("The webhook endpoint");
  return tx.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, url: true, events: true, enabled: true } });
}
