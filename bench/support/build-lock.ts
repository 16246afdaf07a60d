import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// Everyone who builds or serves `.next` (e2e runs, benches) takes this lock first, so nobody
// rebuilds it under a server that is reading it.
const LOCK = "/tmp/tollgate-build.lock";
const BUILD_ID = path.join(".next", "BUILD_ID");
const SOURCES = ["app", "lib", "components"];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (/\.(tsx?|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCES.some((dir) => newestSource(dir) > built);
}

/** Holds the build lock until the returned release is called or this process ends (flock's stdin closes). */
async function holdLock(): Promise<() => void> {
  const holder = spawn("flock", [LOCK, "sh", "-c", "echo held; exec cat >/dev/null"], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once("data", () => resolve());
    holder.once("exit", (code) => reject(new Error(`flock exited (${code}) before taking ${LOCK}`)));
  });
  return () => holder.stdin.end();
}

async function nextBuild(log: string): Promise<boolean> {
  const out = createWriteStream(log);
  const build = spawn("npx", ["next", "build"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  build.stdout.pipe(out);
  build.stderr.pipe(out);
  return new Promise((resolve) => build.once("exit", (code) => resolve(code === 0)));
}

/**
 * Runs `fn` while holding the build lock, after `next build` if `.next` is missing or older than
 * the sources. Answers whether a usable build exists (a failed rebuild leaves the previous one).
 */
export async function withNextBuild<T>(fn: (built: boolean) => Promise<T>): Promise<T> {
  console.log(`waiting for ${LOCK}…`);
  const release = await holdLock();
  try {
    if (buildIsStale()) {
      const log = "/tmp/tollgate-bench-next-build.log";
      const started = performance.now();
      const ok = await nextBuild(log);
      console.log(
        `next build (the .next output was missing or older than the sources): ${ok ? "done" : `FAILED, see ${log}`} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    return await fn(existsSync(BUILD_ID));
  } finally {
    release();
  }
}
