import "server-only";
import { KILL_SWITCH_STREAM_OPERATION } from "@/lib/contracts/api-catalog/runtime-operations";
import type { TKillSwitchStreamClosed, TKillSwitchStreamState } from "@/lib/contracts/killswitch";
import { AppError } from "../../errors";
import { createSseWriter, SSE_CONTENT_TYPE } from "../../shared/create-sse-writer";
import { API_SECURITY_HEADERS } from "../security-headers";
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
      ...API_SECURITY_HEADERS,
      "content-type": SSE_CONTENT_TYPE,
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-request-id": requestId,
    });
    res.socket?.setNoDelay(true);
    const send = createSseWriter((text) => res.write(text)).event;
    const now = () => new Date().toISOString();

    let introduced = false;
    let ended = false;
    const introduce = () => {
      const state: TKillSwitchStreamState = {
        workflowKey: principal.workflowKey,
        engaged: board.covering(snapshot),
        heartbeatMs: HEARTBEAT_MS,
        leaseMs: LEASE_MS,
        serverTime: now(),
      };
      send("state", state);
      introduced = true;
    };
    if (!board.unknown) introduce();

    const unsubscribe = board.subscribe((change) => {
      // The workflow's tools and models may have changed since the stream opened.
      void gate.snapshots
        .get(principal.workflowId)
        .then(
          (current) =>
            !ended && current && board.covers(change.switch, current) && send(change.type, { switch: change.switch, serverTime: now() }),
        )
        .catch(() => {});
    });
    // The token is checked again before each heartbeat, so a revoked (NOTIFY) or expired one
    // ends the stream within a heartbeat instead of renewing the lease.
    const authorization = req.headers.authorization ?? null;
    const beat = async () => {
      if (board.unknown || ended) return;
      try {
        await gate.tokens.authenticate(authorization, KILL_SWITCH_STREAM_OPERATION.scope);
      } catch (error) {
        // A failed lookup cannot vouch for the token: no heartbeat, so the lease runs down.
        if (!(error instanceof AppError) || ended) return;
        ended = true;
        const closed: TKillSwitchStreamClosed = {
          code: error.code === "forbidden" ? "forbidden" : "unauthenticated",
          detail: error.detail,
          serverTime: now(),
        };
        send("closed", closed);
        res.end();
        return;
      }
      if (ended) return;
      if (introduced) send("heartbeat", { serverTime: now() });
      else introduce();
    };
    const heartbeat = setInterval(() => void beat(), HEARTBEAT_MS);
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
