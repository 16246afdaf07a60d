import "server-only";
import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { SOURCE_NODE_FLAGS } from "./node-flags";

export type TConsoleProcess = { port: number; stop: () => Promise<void> };

const CONSOLE_NICENESS = 10;

/**
 * Starts the console (Next) in a child process and resolves with its loopback port once it is
 * ready. Kept apart from the run-time gate so the console's heap and garbage collections never
 * pause a decision: with Next in the same process, p99 after a burst of console traffic went
 * from ~8 ms to 16–180 ms. `onExit` hears of a console that stops without being asked to.
 */
export function spawnConsole(options: {
  dev: boolean;
  publicHost: string;
  publicPort: number;
  onExit: (code: number | null) => void;
}): Promise<TConsoleProcess> {
  const script = path.join(process.cwd(), "scripts", "serve-console.ts");
  const args = [JSON.stringify({ dev: options.dev, publicHost: options.publicHost, publicPort: options.publicPort })];
  const child = fork(script, args, { execArgv: [...SOURCE_NODE_FLAGS], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  // Console pages can wait a few milliseconds; a tool call waiting on the gate cannot.
  try {
    if (child.pid) os.setPriority(child.pid, CONSOLE_NICENESS);
  } catch (error) {
    console.error("could not lower the console process's priority; serving at equal priority", error);
  }
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.once("message", (message: { consolePort?: number }) => {
      if (typeof message.consolePort !== "number") return reject(new Error("the console process sent an unexpected message"));
      child.once("exit", (code) => stopping || options.onExit(code));
      resolve({ port: message.consolePort, stop });
    });
    child.once("exit", (code) => reject(new Error(`the console process exited (${code}) before it was ready`)));
    child.once("error", reject);
  });
}
