import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { proxyToConsole, type TConsoleProxy } from "./proxy-to-console";

// Sign-in throttling trusts x-forwarded-for only because the front door writes it itself.
const servers: Server[] = [];
const proxies: TConsoleProxy[] = [];

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return (server.address() as AddressInfo).port;
}

function get(port: number, options: { localAddress: string; forwardedFor?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const headers = options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : undefined;
    const req = request({ host: "127.0.0.1", port, localAddress: options.localAddress, path: "/", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve(text));
    });
    req.on("error", reject);
    req.end();
  });
}

afterEach(async () => {
  proxies.splice(0).forEach((p) => p.close());
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("the console proxy's client address", () => {
  it("replaces any x-forwarded-for the client sent with the peer address it accepted", async () => {
    const consolePort = await listen(createServer((req, res) => res.end(String(req.headers["x-forwarded-for"]))));
    const proxy = proxyToConsole(consolePort, { publicOrigin: "http://localhost" });
    proxies.push(proxy);
    const door = await listen(createServer((req, res) => proxy.handle(req, res)));

    expect(await get(door, { localAddress: "127.0.0.7", forwardedFor: "203.0.113.99" })).toBe("127.0.0.7");
    expect(await get(door, { localAddress: "127.0.0.8" })).toBe("127.0.0.8");
  });
});
