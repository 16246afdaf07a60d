import "server-only";
import { KILL_SWITCH_STREAM_OPERATION } from "@/lib/contracts/api-catalog/runtime-operations";
import type { TKillSwitchStreamState } from "@/lib/contracts/killswitch";
import type { TKillSwitchChange } from "../../decisions/runtime/kill-switch-board";
import { defineRuntimeRoute } from "./runtime-route";

export const HEARTBEAT_MS = 1_000;
/** Three missed heartbeats and the client must assume the worst. */
export const LEASE_MS = 3_000;

/**
 * Server-Sent Events: the engaged switches covering the token's workflow, then each engage and
 * release as the NOTIFY lands, and a heartbeat that renews the client's lease. Heartbeats stop
 * while this instance cannot vouch for the kill-switch state, so clients fail closed.
 */
export const getKillSwitchStream = defineRuntimeRoute({
  operation: KILL_SWITCH_STREAM_OPERATION,
  handle: async ({ req, res, principal, requestId, gate }) => {
    const snapshot = await gate.snapshotFor(principal);
    const board = gate.killSwitches;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-request-id": requestId,
    });
    res.socket?.setNoDelay(true);
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const now = () => new Date().toISOString();

    let introduced = false;
    const introduce = () => {
      const state: TKillSwitchStreamState = { workflowKey: principal.workflowKey, engaged: board.covering(snapshot), heartbeatMs: HEARTBEAT_MS, leaseMs: LEASE_MS, serverTime: now() };
      send("state", state);
      introduced = true;
    };
    if (!board.unknown) introduce();

    const onChange = (change: TKillSwitchChange) => {
      // The workflow's tools and models may have changed since the stream opened.
      void gate.snapshots
        .get(principal.workflowId)
        .then((current) => current && board.covers(change.switch, current) && send(change.type, { switch: change.switch, serverTime: now() }))
        .catch(() => {});
    };
    const unsubscribe = board.subscribe(onChange);
    const heartbeat = setInterval(() => {
      if (board.unknown) return;
      if (introduced) send("heartbeat", { serverTime: now() });
      else introduce();
    }, HEARTBEAT_MS);
    await new Promise<void>((resolve) => {
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        resolve();
      };
      req.once("close", stop);
      res.once("close", stop);
    });
  },
});
