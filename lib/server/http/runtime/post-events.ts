import "server-only";
import { INGEST_EVENTS_OPERATION } from "@/lib/contracts/api-catalog/runtime-operations";
import { db } from "../../db/client";
import { sqlPool } from "../../db/pool";
import { ingestEvents } from "../../events/ingest-events";
import { sendJson } from "./node-io";
import { defineRuntimeRoute } from "./runtime-route";

export const postEvents = defineRuntimeRoute({
  operation: INGEST_EVENTS_OPERATION,
  // 1,000 events with prompts and outputs: far more than a decision, still bounded.
  maxBodyBytes: 8 * 1024 * 1024,
  textCheckedPerItem: true,
  handle: async ({ res, body, principal, requestId, gate }) => {
    await gate.snapshotFor(principal);
    sendJson(res, 200, await ingestEvents({ db, pool: sqlPool(), principal, events: body.events }), requestId);
  },
});
