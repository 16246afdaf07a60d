import { randomUUID } from "node:crypto";
import type pg from "pg";
import { HttpConnection, rawRequest, type TTarget } from "./http-connection";
import type { Samples } from "./samples";

const SEND_EVERY_MS = 100;
const POLL_EVERY_MS = 20;
/** A probe not counted by then is recorded at this age (and reported as missing). */
const GIVE_UP_MS = 30_000;

/**
 * Measures roll-up freshness: every 100 ms one event whose tool is unique (`probe.<n>`) is posted
 * on its own connection; when it is acknowledged (200, committed) its clock starts; a poller reads
 * event_rollups_hourly every 20 ms and stops the clock when a row for that tool appears. `stop()`
 * ends the sending and resolves once every probe was counted (or gave up); ages go into `ages`.
 */
export function startFreshnessProbe(options: { target: TTarget; token: string; workflowKey: string; pool: pg.Pool; ages: Samples }) {
  const { ages } = options;
  const acknowledgedAt = new Map<string, number>();
  let missing = 0;
  let sending = true;
  let acknowledged = 0;
  const connection = new HttpConnection(options.target);

  const sender = (async () => {
    while (sending) {
      const tool = `probe.${randomUUID().slice(0, 8)}`;
      const due = performance.now() + SEND_EVERY_MS;
      const body = JSON.stringify({
        events: [
          { id: randomUUID(), runId: "freshness", type: "tool_result", tool, outcome: "success", occurredAt: new Date().toISOString() },
        ],
      });
      const response = await connection
        .send(
          rawRequest({
            method: "POST",
            path: "/api/v1/events",
            target: options.target,
            headers: { authorization: `Bearer ${options.token}` },
            body,
          }),
        )
        .catch(() => null);
      if (response?.status === 200) {
        acknowledgedAt.set(tool, performance.now());
        acknowledged += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
  })();

  const poller = (async () => {
    while (sending || acknowledgedAt.size) {
      if (acknowledgedAt.size) {
        const { rows } = await options.pool.query<{ tool: string }>(
          `SELECT tool FROM event_rollups_hourly WHERE workflow_key = $1 AND tool = ANY($2)`,
          [options.workflowKey, [...acknowledgedAt.keys()]],
        );
        const now = performance.now();
        for (const { tool } of rows) {
          ages.add(now - (acknowledgedAt.get(tool) ?? now));
          acknowledgedAt.delete(tool);
        }
        for (const [tool, at] of acknowledgedAt) {
          if (now - at < GIVE_UP_MS) continue;
          ages.add(GIVE_UP_MS);
          missing += 1;
          acknowledgedAt.delete(tool);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  })();

  return {
    /** Stops sending; with `measure: false` (the load alone, for a baseline round) it does not wait for the last probes. */
    async stop(measure = true) {
      sending = false;
      await sender;
      if (!measure) acknowledgedAt.clear();
      await poller;
      connection.close();
      return { acknowledged, missing };
    },
  };
}
