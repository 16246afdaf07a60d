import { closeSqlPool } from "@/lib/server/db/pool";
import { notificationHub } from "@/lib/server/db/notifications";
import { env } from "@/lib/server/env";
import { startFrontDoor } from "@/lib/server/process/front-door";

// scripts/serve.ts without the console: the run-time API alone, for benches that need no Next
// build (several instances start in seconds). Stops like serve.ts, flushing the decision log.
async function main(): Promise<void> {
  const config = env();
  const door = await startFrontDoor({ port: config.PORT, host: config.HOST, console: false });
  const stop = async () => {
    await door.close();
    await closeSqlPool();
    await notificationHub().close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

void main().catch((error: unknown) => {
  console.error("the run-time server could not start:", error);
  process.exit(1);
});
