import "server-only";
import type { TWebhookEndpointList } from "@/lib/contracts/webhooks";
import { db, type TTx } from "../db/client";
import { readEndpointViews } from "./endpoint-view";

/** Every endpoint, oldest first, without secrets. */
export async function listWebhookEndpoints(options: { tx?: TTx } = {}): Promise<TWebhookEndpointList> {
  return { endpoints: await readEndpointViews(options.tx ?? db) };
}
