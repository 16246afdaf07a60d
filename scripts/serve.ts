import { startFrontDoor, type TFrontDoor } from "@/lib/server/process/front-door";
import { closeSqlPool } from "@/lib/server/db/pool";
import { notificationHub } from "@/lib/server/db/notifications";
import { env } from "@/lib/server/env";

// The web server `npm start` (and the e2e suite) runs: the run-time gate on one port, the console
// in a child process behind it.
async function main(): Promise<void> {
  const config = env();
  const dev = process.argv.includes("--dev");
  // `--runtime-only`: the run-time API without the console (no build needed), for tests and benches.
  const withConsole = !process.argv.includes("--runtime-only");
  let door: TFrontDoor | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await door?.close().catch((error: unknown) => console.error("closing the server failed", error));
    await closeSqlPool().catch(() => {});
    await notificationHub().close();
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  const onConsoleExit = (code: number | null) => {
    console.error(`the console process exited (${code}); stopping so a supervisor can restart the server`);
    void stop(1);
  };
  door = await startFrontDoor({ port: config.PORT, host: config.HOST, dev, console: withConsole, onConsoleExit });
  console.log(`serving on ${door.url}${dev ? " (development)" : ""}`);
}

void main().catch((error: unknown) => {
  console.error("the server could not start:", error);
  process.exit(1);
});
