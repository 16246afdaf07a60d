import { spawn, type ChildProcess } from "node:child_process";
import { GATE_NODE_FLAGS } from "@/lib/server/process/node-flags";
import { freePort } from "./postgres";

export type TAppProcess = { url: string; child: ChildProcess; stop: () => Promise<void>; kill9: () => Promise<void> };

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

/** `scripts/serve.ts --runtime-only` as its own process on `databaseUrl`: a server a test can kill -9. */
export async function startAppProcess(databaseUrl: string): Promise<TAppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...GATE_NODE_FLAGS, "scripts/serve.ts", "--runtime-only"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes("serving on")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the app exited with ${code} before serving`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await exited(child);
    },
    kill9: async () => {
      child.kill("SIGKILL");
      await exited(child);
    },
  };
}
