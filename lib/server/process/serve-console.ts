import "server-only";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The console (Next's request handler) in a process of its own, listening on loopback for the
 * front door's proxy. Run by `spawnConsole`; reports its port over IPC once Next is ready and
 * exits when the front door goes away, so it never outlives it.
 */
export async function serveConsole(options: { dev: boolean; publicHost: string; publicPort: number; port: number }): Promise<void> {
  const { default: next } = await import("next");
  // Next builds absolute URLs from these: the address users reach, not the loopback one.
  const app = next({ dev: options.dev, hostname: options.publicHost, port: options.publicPort, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = options.dev ? app.getUpgradeHandler() : null;
  const server = createServer((req, res) => void handle(req, res));
  if (upgrade) server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  process.on("disconnect", () => process.exit(0));
  process.send?.({ consolePort: (server.address() as AddressInfo).port });
}
