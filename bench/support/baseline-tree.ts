import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseUrl, uniqueDatabaseName } from "@/test/support/postgres";

/**
 * Another checkout of this repository (an earlier commit, with its own node_modules and `next
 * build`), run beside this one in the same bench run, so "before and after" is one measurement on
 * one machine state rather than two runs minutes apart. Named by BENCH_BASELINE_TREE.
 */
export type TBaselineTree = { dir: string; commit: string };

export function baselineTree(): TBaselineTree | null {
  const dir = process.env.BENCH_BASELINE_TREE;
  if (!dir) return null;
  const resolved = path.resolve(dir);
  for (const needed of ["scripts/serve.ts", "scripts/migrate.ts", "node_modules", ".next/BUILD_ID"]) {
    if (!existsSync(path.join(resolved, needed)))
      throw new Error(`BENCH_BASELINE_TREE ${resolved} lacks ${needed}: check out a commit there, install and run next build`);
  }
  const commit = execFileSync("git", ["-C", resolved, "log", "-1", "--format=%h %s"], { encoding: "utf8" }).trim();
  return { dir: resolved, commit: commit.length > 72 ? `${commit.slice(0, 72)}…` : commit };
}

/** A database migrated by the baseline tree's own migrations (its schema, not this one's). */
export async function createBaselineDatabase(tree: TBaselineTree, adminUrl: string): Promise<string> {
  const name = uniqueDatabaseName("tollgate_bench_baseline");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  const migrated = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/migrate.ts"], {
    cwd: tree.dir,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (migrated.status !== 0) throw new Error(`the baseline tree's migrations failed (exit ${migrated.status})`);
  return url;
}
