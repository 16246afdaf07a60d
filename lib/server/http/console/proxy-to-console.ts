import "server-only";
import { Agent, request, type IncomingMessage, type ServerResponse } from "node:http";
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import { AppError } from "../../errors";
import { checkRequestPath } from "../check-request-path";
import { refuseCrossSite } from "../refuse-cross-site";
import { requestIdOfNode, sendError } from "../runtime/node-io";

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "upgrade",
  "proxy-authorization",
  "proxy-authenticate",
]);

function endToEnd(rawHeaders: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP.has((rawHeaders[i] ?? "").toLowerCase())) kept.push(rawHeaders[i] ?? "", rawHeaders[i + 1] ?? "");
  }
  return kept;
}

function headerObject(raw: readonly string[]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const [name, value] = [(raw[i] ?? "").toLowerCase(), raw[i + 1] ?? ""];
    const seen = headers[name];
    headers[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return headers;
}

export type TConsoleProxy = {
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  close: () => void;
};

/**
 * Forwards console requests to the console process on loopback: bodies and answers streamed both
 * ways (server-sent events included), upgrades (development hot reload) piped as raw bytes. A
 * state-changing request another site's page sent is refused here, before the console (next-auth,
 * the `/api/v1` routes) reads its cookie or its body.
 */
export function proxyToConsole(port: number, options: { publicOrigin: string }): TConsoleProxy {
  const agent = new Agent({ keepAlive: true, maxSockets: 256, noDelay: true });
  const unavailable = (req: IncomingMessage, res: ServerResponse) =>
    sendError(
      res,
      new AppError("unavailable", "The console is not answering; retry in a moment", undefined, { "retry-after": "1" }),
      requestIdOfNode(req),
      req,
    );

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const headers = headerObject(endToEnd(req.rawHeaders));
    // Sign-in throttling keys on this: only the front door says who the client is, never the client.
    headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    const upstream = request({ agent, host: "127.0.0.1", port, method: req.method, path: req.url, headers }, (answer) => {
      // Set one by one over the front door's defaults (security headers), which the console's own
      // replace: Node's writeHead, given a header list while headers are set, keeps only the last
      // of a repeated name and so loses all but one Set-Cookie.
      for (const [name, value] of Object.entries(headerObject(endToEnd(answer.rawHeaders)))) res.setHeader(name, value);
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage);
      answer.pipe(res);
    });
    upstream.on("error", () => (res.headersSent ? res.destroy() : unavailable(req, res)));
    // A client that leaves (a closed tab's event stream) frees the console's side as well.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    try {
      checkRequestPath(req.url ?? "/");
      refuseCrossSite({
        method: req.method ?? "",
        origin: req.headers.origin,
        fetchSite: req.headers["sec-fetch-site"],
        host: req.headers.host,
        publicOrigin: options.publicOrigin,
      });
      forward(req, res);
    } catch (error) {
      // The unread body is drained so the answer can go out on a connection that stays usable.
      req.resume();
      sendError(res, error, requestIdOfNode(req), req);
    }
  };

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const upstream = connect(port, "127.0.0.1", () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  };

  return { handle, upgrade, close: () => agent.destroy() };
}
