import { startFrontDoor } from "@/lib/server/http/front-door";
import { closeSqlPool } from "@/lib/server/db/pool";
import { notificationHub } from "@/lib/server/db/notifications";
import { env } from "@/lib/server/env";

// The web server `npm start` (and the e2e suite) runs: the run-time gate and the console on one port.
async function main(): Promise<void> {
  const config = env();
  const dev = process.argv.includes("--dev");
  // `--runtime-only`: the run-time API without the console (no build needed), for tests and benches.
  const console_ = !process.argv.includes("--runtime-only");
  const door = await startFrontDoor({ port: config.PORT, host: config.HOST, dev, console: console_ });
  console.log(`serving on ${door.url}${dev ? " (development)" : ""}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await door.close().catch((error: unknown) => console.error("closing the server failed", error));
    await closeSqlPool().catch(() => {});
    await notificationHub().close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

void main().catch((error: unknown) => {
  console.error("the server could not start:", error);
  process.exit(1);
});
