import "server-only";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "../db/client";
import { notificationHub } from "../db/notifications";
import { sqlPool } from "../db/pool";
import { RuntimeGate } from "../decisions/runtime/runtime-gate";
import { AppError } from "../errors";
import { answerClientError } from "../http/answer-client-error";
import { proxyToConsole, type TConsoleProxy } from "../http/console/proxy-to-console";
import { publicOrigin } from "../http/public-origin";
import { createRuntimeHandler } from "../http/runtime/handle-runtime-request";
import { requestIdOfNode, sendError } from "../http/runtime/node-io";
import { BASE_SECURITY_HEADERS, HSTS, NON_PAGE_CSP, servedOverHttps } from "../http/security-headers";
import { startJobs } from "../jobs/start-jobs";
import { spawnConsole, type TConsoleProcess } from "./spawn-console";

export type TFrontDoor = { url: string; gate: RuntimeGate; close: () => Promise<void> };

/**
 * One port: the run-time API (decisions, events, approvals wait, kill-switch stream) answered by
 * node:http in this process, everything else — console pages, sign-in and the other `/api/v1`
 * routes — proxied to Next in a child process. Next's path costs ~0.5 ms per request on this
 * hardware, and its heap's collections would pause decisions; a gate in front of every tool call
 * can afford neither. `console: false` serves the run-time API alone (tests, benches).
 * `onConsoleExit` hears of a console process that died (the caller decides whether to stop).
 */
export async function startFrontDoor(options: {
  port: number;
  host: string;
  dev?: boolean;
  console?: boolean;
  onConsoleExit?: (code: number | null) => void;
}): Promise<TFrontDoor> {
  const consoleStarting: Promise<TConsoleProcess | null> =
    options.console === false
      ? Promise.resolve(null)
      : spawnConsole({
          dev: options.dev ?? false,
          publicHost: options.host,
          publicPort: options.port,
          onExit: options.onConsoleExit ?? (() => {}),
        });
  // Started side by side: Next's preparation takes seconds, the gate's a few queries.
  const [gate, consoleProcess] = await Promise.all([
    RuntimeGate.start({ db: getDb(), pool: sqlPool(), hub: notificationHub() }),
    consoleStarting,
  ]);
  const runtime = createRuntimeHandler(gate);
  const origin = publicOrigin();
  const proxy: TConsoleProxy | null = consoleProcess ? proxyToConsole(consoleProcess.port, { publicOrigin: origin }) : null;
  const stopJobs = startJobs();

  const server = createServer((req, res) => {
    if (servedOverHttps({ publicOrigin: origin, forwardedProto: req.headers["x-forwarded-proto"] }))
      res.setHeader("strict-transport-security", HSTS);
    // Run-time answers carry their headers in their one writeHead (cheaper on the gate's path).
    if (runtime(req, res)) return;
    // The console's answers keep these unless they set their own (a page's nonce CSP).
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader("content-security-policy", NON_PAGE_CSP);
    if (proxy) return proxy.handle(req, res);
    sendError(res, new AppError("not_found", `No run-time route matches ${req.method} ${req.url}`), requestIdOfNode(req), req);
  });
  server.on("clientError", answerClientError);
  if (proxy) server.on("upgrade", proxy.upgrade);
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
      stopJobs();
      server.closeIdleConnections();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Streams (kill-switch SSE, approval waits) never end on their own.
      server.closeAllConnections();
      await closed;
      proxy?.close();
      await consoleProcess?.stop();
      await gate.stop();
    },
  };
}
