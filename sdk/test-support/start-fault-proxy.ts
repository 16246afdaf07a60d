import type { ServerResponse } from "node:http";
import { readBody, startLocalServer } from "./start-local-server";

// Only the failures a real gate cannot be made to produce on demand; everything else is forwarded.

type TRoute = `${"GET" | "POST"} ${string}`;
const STREAM: TRoute = "GET /api/v1/killswitch/stream";
// fetch already decoded the body; these describe the upstream connection, not this one.
const HOP_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"]);

/**
 * A pass-through proxy in front of the real gate that can answer 503, never answer, freeze the
 * kill-switch stream (the connection stays open, nothing more arrives) or hang it up.
 */
export async function startFaultProxy(target: string) {
  const control = {
    /** Answer the next N requests of a route with 503. */
    failNext: new Map<TRoute, number>(),
    /** Routes that never answer. */
    hang: new Set<TRoute>(),
    /** Streams stop forwarding; new ones open but stay silent. */
    frozen: false,
  };
  const requests: { route: TRoute; body: string }[] = [];
  const streams = new Set<{ res: ServerResponse; upstream: AbortController }>();

  const server = await startLocalServer(async (req, res) => {
    const route = `${req.method} ${new URL(req.url ?? "/", "http://proxy.invalid").pathname}` as TRoute;
    const body = await readBody(req);
    requests.push({ route, body });
    if (control.hang.has(route)) return;
    const failures = control.failNext.get(route) ?? 0;
    if (failures > 0) {
      control.failNext.set(route, failures - 1);
      res.writeHead(503, { "content-type": "application/problem+json" });
      return res.end(
        JSON.stringify({
          type: "urn:tollgate:problem:unavailable",
          title: "Service unavailable",
          status: 503,
          code: "unavailable",
          requestId: "proxy",
        }),
      );
    }
    if (route === STREAM && control.frozen) return res.writeHead(200, { "content-type": "text/event-stream" }).flushHeaders();

    const upstream = new AbortController();
    const headers = Object.fromEntries(
      ["authorization", "content-type", "accept"].flatMap((name) => (req.headers[name] ? [[name, String(req.headers[name])]] : [])),
    );
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: body || undefined,
      signal: upstream.signal,
    }).catch(() => null);
    if (!answer?.body) return res.writeHead(502).end();
    res.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([name]) => !HOP_HEADERS.has(name))));
    res.flushHeaders();
    const stream = { res, upstream };
    if (route === STREAM) streams.add(stream);
    res.once("close", () => (upstream.abort(), streams.delete(stream)));
    const reader = answer.body.getReader();
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (route === STREAM && control.frozen) return;
        res.write(chunk.value);
      }
      res.end();
    } catch {
      // The client or the proxy hung up.
    }
  });

  return {
    url: server.url,
    control,
    requests,
    /** Freezes every open stream and every later one. */
    freezeStreams() {
      control.frozen = true;
    },
    /** Ends every open stream, as a restarting server would. */
    dropStreams() {
      for (const { res, upstream } of streams) {
        upstream.abort();
        res.end();
      }
    },
    stop: server.stop,
  };
}
