import "server-only";
import { ZEventBatch } from "@/lib/contracts/events";
import { db } from "../../db/client";
import { sqlPool } from "../../db/pool";
import { ingestEvents } from "../../events/ingest-events";
import { readJson, sendJson, validateInput } from "./node-io";
import { defineRuntimeRoute } from "./runtime-route";

/** 1,000 events with prompts and outputs: far more than a decision, still bounded. */
export const EVENTS_MAX_BODY_BYTES = 8 * 1024 * 1024;

export const postEvents = defineRuntimeRoute({
  method: "POST",
  path: "/api/v1/events",
  scope: "INGEST",
  handle: async ({ req, res, principal, requestId, gate }) => {
    const batch = validateInput(ZEventBatch, await readJson(req, EVENTS_MAX_BODY_BYTES), "body");
    await gate.snapshotFor(principal);
    sendJson(res, 200, await ingestEvents({ db, pool: sqlPool(), principal, events: batch.events }), requestId);
  },
});
