import { env } from "@/lib/server/env";
import { serveConsole } from "@/lib/server/process/serve-console";

// The console process the front door forks (lib/server/process/spawn-console.ts).
const options = JSON.parse(process.argv[2] ?? "{}") as { dev: boolean; publicHost: string; publicPort: number };
process.on("SIGTERM", () => process.exit(0));
void serveConsole({ ...options, port: env().CONSOLE_PORT }).catch((error: unknown) => {
  console.error("the console could not start:", error);
  process.exit(1);
});
