import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { until } from "@/test/support/until";
import { proxyToConsole, type TConsoleProxy } from "./proxy-to-console";

// A real HTTP server stands in for the console process; the proxy under test sits in front of it.
type TStarted = { server: Server; port: number };
const started: Server[] = [];
const proxies: TConsoleProxy[] = [];

async function listen(server: Server): Promise<TStarted> {
  started.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { server, port: (server.address() as AddressInfo).port };
}

const PUBLIC_ORIGIN = "https://tollgate.example";

async function frontDoorFor(consolePort: number): Promise<number> {
  const proxy = proxyToConsole(consolePort, { publicOrigin: PUBLIC_ORIGIN });
  proxies.push(proxy);
  // As the front door does: defaults for every answer, kept unless the console sets its own.
  const door = createServer((req, res) => {
    res.setHeader("x-frame-options", "DENY");
    res.setHeader("content-security-policy", "default-src 'none'");
    proxy.handle(req, res);
  });
  return (await listen(door)).port;
}

function send(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<IncomingMessage & { text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path ?? "/", headers: options.headers },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve(Object.assign(res, { text })));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

afterEach(async () => {
  for (const proxy of proxies.splice(0)) proxy.close();
  for (const server of started.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("the front door's proxy to the console process", () => {
  it("forwards method, path, headers and body, and answers with the console's status, headers and body", async () => {
    const seen: { method?: string; url?: string; headers?: IncomingMessage["headers"]; body?: string } = {};
    const consoleServer = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        Object.assign(seen, { method: req.method, url: req.url, headers: req.headers, body });
        res.writeHead(
          201,
          [
            ["set-cookie", "a=1; Path=/"],
            ["set-cookie", "b=2; Path=/"],
            ["content-type", "application/json"],
            ["content-security-policy", "default-src 'self'"],
            ["keep-alive", "timeout=5"],
          ].flat(),
        );
        res.end(JSON.stringify({ created: true }));
      });
    });
    const { port } = await listen(consoleServer);
    const door = await frontDoorFor(port);

    const answer = await send(door, {
      method: "POST",
      path: "/api/v1/workflows?x=1",
      headers: { cookie: "session=s", "content-type": "application/json", "proxy-authorization": "Basic c2VjcmV0" },
      body: '{"key":"wf"}',
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    // The console's own policy (a page's nonce CSP) wins over the front door's default.
    expect(answer.headers["content-security-policy"]).toBe("default-src 'self'");
    expect(JSON.parse(answer.text)).toEqual({ created: true });
    expect(seen).toMatchObject({ method: "POST", url: "/api/v1/workflows?x=1", body: '{"key":"wf"}' });
    expect(seen.headers).toMatchObject({ cookie: "session=s", "content-type": "application/json", host: `127.0.0.1:${door}` });
    // Hop-by-hop headers stay on their own connection.
    expect(seen.headers?.["proxy-authorization"]).toBeUndefined();
  });

  it("streams an event stream through as it is written, and closes the console's side when the client leaves", async () => {
    let consoleSideClosed = false;
    let write: ((line: string) => void) | null = null;
    const consoleServer = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      write = (line) => res.write(line);
      res.on("close", () => (consoleSideClosed = true));
    });
    const { port } = await listen(consoleServer);
    const door = await frontDoorFor(port);

    const received: string[] = [];
    const client = request({ host: "127.0.0.1", port: door, path: "/api/v1/approval-queue/stream" });
    client.on("response", (res) => res.on("data", (chunk: Buffer) => received.push(chunk.toString())));
    client.on("error", () => {});
    client.end();
    const emit = await until(() => write, { what: "the console to open the stream" });
    emit("data: first\n\n");
    await until(() => received.join("").includes("data: first"), { what: "the first event through the proxy" });
    emit("data: second\n\n");
    await until(() => received.join("").includes("data: second"), { what: "the second event" });
    client.destroy();
    await until(() => consoleSideClosed, { what: "the console's side to close" });
  });

  it("answers 503 problem+json while the console is not answering", async () => {
    const placeholder = await listen(createServer());
    const deadPort = placeholder.port;
    await new Promise((resolve) => placeholder.server.close(resolve));
    const door = await frontDoorFor(deadPort);
    const answer = await send(door, { path: "/workflows" });
    expect(answer.statusCode).toBe(503);
    expect(answer.headers["content-type"]).toContain("application/problem+json");
    expect(answer.headers["retry-after"]).toBe("1");
    expect(JSON.parse(answer.text)).toMatchObject({ status: 503, detail: expect.stringContaining("console") });
  });

  describe("cross-site requests", () => {
    // The console records every request that reaches it; a refused one must never arrive.
    async function recordingConsole(): Promise<{ door: number; reached: string[] }> {
      const reached: string[] = [];
      const consoleServer = createServer((req, res) => {
        reached.push(`${req.method} ${req.url}`);
        req.resume();
        req.on("end", () => res.writeHead(204).end());
      });
      const { port } = await listen(consoleServer);
      return { door: await frontDoorFor(port), reached };
    }
    const formPost = {
      method: "POST",
      path: "/api/v1/workflows/w/tokens/t/revoke",
      body: "confirm=1",
      headers: { cookie: "next-auth.session-token=s", "content-type": "application/x-www-form-urlencoded" },
    };

    it.each([
      ["another site's Origin", { origin: "https://evil.example" }, /Origin "https:\/\/evil.example"/],
      ["an opaque Origin (a sandboxed frame)", { origin: "null" }, /Origin "null"/],
      ["the same host over plain http", { origin: "http://tollgate.example" }, /Origin "http:\/\/tollgate.example"/],
      ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }, /Sec-Fetch-Site "cross-site"/],
      [
        "Sec-Fetch-Site: same-site (a sibling subdomain)",
        { "sec-fetch-site": "same-site", origin: PUBLIC_ORIGIN },
        /Sec-Fetch-Site "same-site"/,
      ],
      ["Sec-Fetch-Site: none (typed or bookmarked)", { "sec-fetch-site": "none" }, /Sec-Fetch-Site "none"/],
    ])("refuses a form POST with %s as 403 problem+json, before the console sees it", async (_, headers, detail) => {
      const { door, reached } = await recordingConsole();
      const answer = await send(door, { ...formPost, headers: { ...formPost.headers, ...headers } });
      expect(answer.statusCode).toBe(403);
      expect(answer.headers["content-type"]).toBe("application/problem+json");
      const problem = JSON.parse(answer.text) as { code: string; detail: string };
      expect(problem.code).toBe("cross_site_request");
      expect(problem.detail).toContain(`must come from the console's own origin (${PUBLIC_ORIGIN})`);
      expect(problem.detail).toMatch(detail);
      // The connection stays usable: the refused body was drained, not left in the stream.
      expect((await send(door, { path: "/still-here" })).statusCode).toBe(204);
      expect(reached).toEqual(["GET /still-here"]);
    });

    it.each(["PUT", "PATCH", "DELETE"])("refuses a cross-site %s too", async (method) => {
      const { door, reached } = await recordingConsole();
      const answer = await send(door, { method, path: "/api/v1/webhooks/x", headers: { origin: "https://evil.example" } });
      expect(answer.statusCode).toBe(403);
      expect(reached).toEqual([]);
    });

    it.each([
      ["the console's own Origin and Sec-Fetch-Site", { origin: PUBLIC_ORIGIN, "sec-fetch-site": "same-origin" }],
      ["Sec-Fetch-Site: same-origin alone", { "sec-fetch-site": "same-origin" }],
      ["neither header (curl, a server-side client)", {}],
    ])("forwards a POST with %s", async (_, headers) => {
      const { door, reached } = await recordingConsole();
      const answer = await send(door, { ...formPost, headers: { ...formPost.headers, ...headers } });
      expect(answer.statusCode).toBe(204);
      expect(reached).toEqual([`POST ${formPost.path}`]);
    });

    it("forwards a cross-site GET (a link from elsewhere), which changes nothing", async () => {
      const { door, reached } = await recordingConsole();
      const answer = await send(door, { path: "/workflows", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
      expect(answer.statusCode).toBe(204);
      expect(reached).toEqual(["GET /workflows"]);
    });
  });
});
