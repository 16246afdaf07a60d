import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-data";
import { openDatabase } from "@/lib/server/db/open-database";
import { env } from "@/lib/server/env";
import { GATE_NODE_FLAGS, SOURCE_NODE_FLAGS } from "@/lib/server/process/node-flags";

// `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, build if needed, serve.
const startedAt = performance.now();
const dev = process.argv.includes("--dev");
const config = env();
const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
// The run-time gate and the console share one port (lib/server/process/front-door.ts).
const SERVE = [...GATE_NODE_FLAGS, "scripts/serve.ts"];
// The demo history (prisma/seed-history) takes longer than a first start should: it is written
// once the server answers, at a lower CPU priority than the gate and the console.
// (--no-deprecation: a pg warning from inside Prisma's adapter is no news to someone starting a demo.)
const SEED_HISTORY = ["--no-deprecation", ...SOURCE_NODE_FLAGS, "scripts/seed-history.ts", "--quiet-if-done"];
const SEED_HISTORY_NICENESS = 15;

async function authSecret(): Promise<string> {
  if (config.NEXTAUTH_SECRET) return config.NEXTAUTH_SECRET;
  // Kept with the data, so sessions survive a restart without anyone configuring a secret.
  const file = path.join(config.TOLLGATE_DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(config.TOLLGATE_DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function run(args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code ?? 1));
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error("the web server exited before it was ready");
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const database = await openDatabase({ log: (line) => console.log(line) });
  let server: ChildProcess | undefined;
  let history: ChildProcess | undefined;
  let stopping = false;

  const shutdown = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      // The seeder stops after the day it is writing, before the database it writes to.
      if (history && history.exitCode === null) {
        history.kill("SIGTERM");
        await exited(history);
      }
      if (server && server.exitCode === null) {
        server.kill("SIGTERM");
        await exited(server);
      }
      await database.stop();
      if (database.embedded) console.log("embedded Postgres stopped; data kept in", path.resolve(config.TOLLGATE_DATA_DIR));
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const prepared = await exited(run([...SOURCE_NODE_FLAGS, "scripts/prepare-database.ts"], { DATABASE_URL: database.url }));
    if (prepared !== 0) throw new Error("the database could not be migrated and seeded (see above)");

    if (!dev && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
      console.log("building the console (first start only)…");
      const code = await exited(run([NEXT_BIN, "build"]));
      if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
    }

    const origin = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
    const child = run([...SERVE, ...(dev ? ["--dev"] : [])], {
      NODE_ENV: dev ? "development" : "production",
      DATABASE_URL: database.url,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: await authSecret(),
    });
    server = child;
    void exited(child).then((code) => !stopping && shutdown(code));
    await waitUntilAnswering(`http://${config.HOST}:${config.PORT}/sign-in`, child);

    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(`\nTollgate is ready in ${seconds} s: ${origin}\n`);
    console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD})`);
    for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(28)} ${user.roles.join(", ")}`);
    console.log("\nPress Ctrl-C to stop.");
    if (config.SEED_HISTORY) {
      history = run(SEED_HISTORY, { DATABASE_URL: database.url });
      try {
        if (history.pid) os.setPriority(history.pid, SEED_HISTORY_NICENESS);
      } catch {
        // Still written, just at the same priority as everything else.
      }
    }
  } catch (error) {
    console.error(`Tollgate could not start: ${(error as Error).message}`);
    await shutdown(1);
  }
}

void main();
