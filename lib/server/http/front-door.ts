import "server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startApprovalSweeper } from "../approvals/start-approval-sweeper";
import { getDb } from "../db/client";
import { notificationHub } from "../db/notifications";
import { sqlPool } from "../db/pool";
import { RuntimeGate } from "../decisions/runtime/runtime-gate";
import { startWebhookDispatcher } from "../webhooks/start-webhook-dispatcher";
import { AppError } from "../errors";
import { createRuntimeHandler } from "./runtime/handle-runtime-request";
import { requestIdOfNode, sendError } from "./runtime/node-io";

export type TFrontDoor = { url: string; gate: RuntimeGate; close: () => Promise<void> };

type TNextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

async function prepareConsole(options: { dev: boolean; host: string; port: number }): Promise<TNextHandler> {
  const { default: next } = await import("next");
  const app = next({ dev: options.dev, hostname: options.host, port: options.port, dir: process.cwd() });
  await app.prepare();
  return app.getRequestHandler();
}

/**
 * One process, one port: the run-time API (decisions, events, approvals wait, kill-switch
 * stream) answered by node:http directly, everything else — console pages, sign-in and the
 * other `/api/v1` routes — handed to Next's request handler. Next's path costs ~0.5 ms per
 * request on this hardware, which a gate in front of every tool call cannot afford.
 * `console: false` serves the run-time API alone (tests, benches).
 */
export async function startFrontDoor(options: { port: number; host: string; dev?: boolean; console?: boolean }): Promise<TFrontDoor> {
  const gate = await RuntimeGate.start({ db: getDb(), pool: sqlPool(), hub: notificationHub() });
  const runtime = createRuntimeHandler(gate);
  const stopSweeper = startApprovalSweeper();
  const stopDispatcher = startWebhookDispatcher();
  const nextHandler = options.console === false ? null : await prepareConsole({ dev: options.dev ?? false, host: options.host, port: options.port });

  const server = createServer((req, res) => {
    if (runtime(req, res)) return;
    if (nextHandler) return void nextHandler(req, res);
    sendError(res, new AppError("not_found", `No run-time route matches ${req.method} ${req.url}`), requestIdOfNode(req), req);
  });
  // Longer than common load balancers' idle timeouts, so they never reuse a socket we just closed.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;

  return {
    url: `http://${host}:${port}`,
    gate,
    close: async () => {
      stopSweeper();
      stopDispatcher();
      server.closeIdleConnections();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Streams (kill-switch SSE, approval waits) never end on their own.
      server.closeAllConnections();
      await closed;
      await gate.stop();
    },
  };
}
