import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { GATE_NODE_FLAGS } from "@/lib/server/process/node-flags";
import type { TTarget } from "./http-connection";

export type TServer = { child: ChildProcess; target: TTarget; url: string; stop: () => Promise<void> };
/** The app with its console: the console process's own loopback address, behind the front door. */
export type TAppServer = TServer & { console: { target: TTarget; pid: () => number } | null };

async function answering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before ${url} answered`);
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
}

/**
 * Extra node flags for the app under test, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it,
 * or "--trace-gc" with BENCH_SERVER_STDOUT=1 to see its collections.
 */
export const SERVER_FLAGS = (process.env.BENCH_SERVER_FLAGS ?? "").split(/\s+/).filter(Boolean);

/**
 * The app under test in its own process (its own event loop and core, apart from the load
 * generator): `scripts/serve.ts` as `npm start` runs it, or the run-time API alone; `cwd` runs
 * another checkout's (a baseline tree).
 */
export async function startAppServer(options: { databaseUrl: string; port: number; console: boolean; cwd?: string }): Promise<TAppServer> {
  const host = "127.0.0.1";
  const url = `http://${host}:${options.port}`;
  const script = options.console ? "scripts/serve.ts" : "bench/support/serve-runtime.ts";
  const child = spawn(process.execPath, [...SERVER_FLAGS, ...GATE_NODE_FLAGS, script], {
    cwd: options.cwd,
    stdio: ["ignore", process.env.BENCH_SERVER_STDOUT ? "inherit" : "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      // Fixed, so a baseline can reach Next without the front door in between.
      CONSOLE_PORT: String(options.port + 1_000),
      HOST: host,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  // Any answer (a 404 or a 405 without a token) means the server is listening.
  await answering(`${url}/api/v1/decisions`, child);
  const consoleSide = options.console ? { target: { host, port: options.port + 1_000 }, pid: () => childPid(child.pid ?? 0) } : null;
  return { child, target: { host, port: options.port }, url, stop: stopper(child), console: consoleSide };
}

/** The ceiling of Node itself: a bare node:http server answering a constant JSON, in its own process. */
export async function startBareServer(port: number): Promise<TServer> {
  const host = "127.0.0.1";
  const code = `const body = JSON.stringify({ ok: true, service: "bare" });
require("node:http").createServer((q, s) => { q.resume(); s.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }); s.end(body); }).listen(${port}, "${host}");`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://${host}:${port}`;
  await answering(url, child);
  return { child, target: { host, port }, url, stop: stopper(child) };
}

/** The first child of a process (the front door's console process), 0 if none. */
function childPid(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/)[0] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory of one process in kB (VmRSS), 0 once it is gone. */
export function residentKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return Number(match?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every 100 ms until stopped; answers the peak. */
export function watchPeakRss(pid: number): () => number {
  let peak = residentKb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, residentKb(pid))), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, residentKb(pid));
  };
}
