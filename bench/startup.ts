import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// Issue "Foundation": time from `npm start` on an empty data dir to the sign-in page answering,
// the same on a second start, and resident memory when idle — beside a bare node:http server
// started and measured the same way in the same run.
const APP_PORT = 3211;
const PG_PORT = 54351;
const BASE_PORT = 3212;

async function until(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${url} answered`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

type TTreeRss = { total: number; launcher: number; gate: number; console: number; postgres: number };

/** RSS of `npm start`'s tree by role: the launcher, the gate's process (its node child), the console (the gate's child), Postgres. */
function treeRssKb(pid: number): TTreeRss {
  const out = execFileSync("ps", ["-eo", "pid=,ppid=,rss=,comm="], { encoding: "utf8" });
  const rows = out
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .map(([p, pp, rss, ...c]) => ({ pid: Number(p), ppid: Number(pp), rss: Number(rss), comm: c.join(" ") }));
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) {
      if (tree.has(r.ppid) && !tree.has(r.pid)) {
        tree.add(r.pid);
        grew = true;
      }
    }
  }
  const inTree = rows.filter((r) => tree.has(r.pid));
  const gate = inTree.find((r) => r.ppid === pid && !r.comm.startsWith("postgres"));
  const consoleProcess = inTree.find((r) => gate !== undefined && r.ppid === gate.pid);
  return {
    total: inTree.reduce((sum, r) => sum + r.rss, 0),
    launcher: inTree.find((r) => r.pid === pid)?.rss ?? 0,
    gate: gate?.rss ?? 0,
    console: consoleProcess?.rss ?? 0,
    postgres: inTree.filter((r) => r.comm.startsWith("postgres")).reduce((sum, r) => sum + r.rss, 0),
  };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
}

// The quick start is measured, so the embedded Postgres must be the one in use.
const withoutDatabaseUrl: NodeJS.ProcessEnv = { ...process.env };
delete withoutDatabaseUrl.DATABASE_URL;

async function startTollgate(dataDir: string) {
  const started = performance.now();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    // The demo history is written in the background after the server answers: measured on its own
    // (see the README), not here, where its process would be counted as the server's.
    env: {
      ...withoutDatabaseUrl,
      TOLLGATE_DATA_DIR: dataDir,
      PORT: String(APP_PORT),
      EMBEDDED_PG_PORT: String(PG_PORT),
      SEED_HISTORY: "false",
    },
    stdio: "ignore",
  });
  await until(`http://127.0.0.1:${APP_PORT}/sign-in`, child);
  return { child, seconds: (performance.now() - started) / 1000 };
}

async function idleRss(pid: number) {
  // Let start-up garbage settle: the figure is memory at rest, not mid-boot.
  await new Promise((r) => setTimeout(r, 5_000));
  return treeRssKb(pid);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tollgate-bench-"));
  await chmod(dir, 0o755);
  const dataDir = path.join(dir, "data");
  try {
    const baseStarted = performance.now();
    const base = spawn(process.execPath, ["-e", `require("http").createServer((q,s)=>s.end("ok")).listen(${BASE_PORT})`], {
      stdio: "ignore",
    });
    await until(`http://127.0.0.1:${BASE_PORT}/`, base);
    const baseSeconds = (performance.now() - baseStarted) / 1000;
    const baseRss = await idleRss(base.pid ?? 0);
    await stop(base);

    const cold = await startTollgate(dataDir);
    const coldRss = await idleRss(cold.child.pid ?? 0);
    await stop(cold.child);
    const warm = await startTollgate(dataDir);
    const warmRss = await idleRss(warm.child.pid ?? 0);
    await stop(warm.child);

    const mb = (kb: number) => (kb / 1024).toFixed(0);
    console.log(`baseline bare node:http start to answering: ${baseSeconds.toFixed(2)} s, RSS ${mb(baseRss.total)} MB`);
    console.log(
      `npm start, empty data dir (init Postgres, migrate, seed): ${cold.seconds.toFixed(2)} s  (${(cold.seconds / baseSeconds).toFixed(1)}x baseline)`,
    );
    console.log(
      `npm start, second start (data kept): ${warm.seconds.toFixed(2)} s  (${(warm.seconds / baseSeconds).toFixed(1)}x baseline)`,
    );
    const server = warmRss.gate + warmRss.console;
    console.log(
      `idle RSS, web server (gate ${mb(warmRss.gate)} MB + console ${mb(warmRss.console)} MB): ${mb(server)} MB  (${(server / baseRss.total).toFixed(1)}x baseline)`,
    );
    console.log(
      `idle RSS, whole tree (launcher ${mb(warmRss.launcher)} MB + web server + embedded Postgres ${mb(warmRss.postgres)} MB): ${mb(warmRss.total)} MB; first start ${mb(coldRss.total)} MB`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
