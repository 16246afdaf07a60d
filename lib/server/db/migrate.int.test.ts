import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { databaseUrl, dropDatabase, uniqueDatabaseName } from "@/test/support/postgres";
import { DEFAULT_MIGRATIONS_DIR, MigrationError, migrateDatabase } from "./migrate";

const { adminUrl } = inject("testDb");
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function emptyDatabase(): Promise<string> {
  const name = uniqueDatabaseName("tollgate_migrate");
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  cleanups.push(() => dropDatabase(adminUrl, name));
  return databaseUrl(adminUrl, name);
}

async function writeMigrations(dir: string, migrations: Record<string, string>): Promise<void> {
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
}

async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tollgate-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await writeMigrations(dir, migrations);
  return dir;
}

type TRecord = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  id: string;
};

const records = (url: string) =>
  withClient(url, async (c) => (await c.query<TRecord>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows);

const tableExists = (url: string, table: string) =>
  withClient(url, async (c) => (await c.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [table])).rows[0]?.t != null);

describe("migrateDatabase", () => {
  it("applies every migration in prisma/migrations and records it as Prisma does", async () => {
    const url = await emptyDatabase();
    const entries = await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true });
    const names = entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const checksums = await Promise.all(
      names.map(async (n) =>
        createHash("sha256")
          .update(await readFile(path.join(DEFAULT_MIGRATIONS_DIR, n, "migration.sql")))
          .digest("hex"),
      ),
    );

    expect(await migrateDatabase({ databaseUrl: url })).toEqual({ applied: names, alreadyApplied: 0 });

    const rows = await records(url);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    rows.forEach((row, i) => {
      expect(row).toMatchObject({ checksum: checksums[i], rolled_back_at: null, applied_steps_count: 1 });
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    });
    expect(await tableExists(url, "audit_events")).toBe(true);
  });

  it("applies nothing on a second run", async () => {
    const url = await emptyDatabase();
    const first = await migrateDatabase({ databaseUrl: url });
    const before = await records(url);

    expect(await migrateDatabase({ databaseUrl: url })).toEqual({ applied: [], alreadyApplied: first.applied.length });
    expect(await records(url)).toEqual(before);
  });

  it("refuses an edited applied migration, naming it, before applying anything", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ "1_a": "CREATE TABLE a (id int);", "3_c": "CREATE TABLE c (id int);" });
    await migrateDatabase({ databaseUrl: url, migrationsDir: dir });
    // "2_b" sorts before the edited one, so a runner that checks while applying would apply it first.
    await writeMigrations(dir, {
      "2_b": "CREATE TABLE b (id int);",
      "3_c": "CREATE TABLE c (id bigint);",
      "4_d": "CREATE TABLE d (id int);",
    });

    const attempt = migrateDatabase({ databaseUrl: url, migrationsDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/3_c was edited after it was applied/);
    expect((await records(url)).map((r) => r.migration_name)).toEqual(["1_a", "3_c"]);
    expect(await tableExists(url, "b")).toBe(false);
    expect(await tableExists(url, "d")).toBe(false);
  });

  it("rolls a failing migration back completely and keeps the earlier ones", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({
      "1_a": "CREATE TABLE a (id int);",
      "2_b": "CREATE TABLE b (id int); CREATE TYPE colour AS ENUM ('RED'); INSERT INTO b VALUES (1); SELECT 1 / 0;",
    });

    const attempt = migrateDatabase({ databaseUrl: url, migrationsDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/2_b failed and was rolled back: division by zero/);
    expect((await records(url)).map((r) => r.migration_name)).toEqual(["1_a"]);
    expect(await tableExists(url, "a")).toBe(true);
    expect(await tableExists(url, "b")).toBe(false);
    expect(await tableExists(url, "colour")).toBe(false);

    await writeMigrations(dir, { "2_b": "CREATE TABLE b (id int);" });
    expect(await migrateDatabase({ databaseUrl: url, migrationsDir: dir })).toEqual({ applied: ["2_b"], alreadyApplied: 1 });
  });

  it("queues concurrent runners on the advisory lock so each migration is applied once", async () => {
    const url = await emptyDatabase();
    await withClient(url, (c) => c.query("CREATE TABLE gate (id int)"));
    const dir = await migrationsDir({
      "1_wait": "SELECT count(*) FROM gate;",
      "2_type": "CREATE TYPE colour AS ENUM ('RED');",
      "3_table": "CREATE TABLE painted (c colour);",
    });
    // The test holds the gate so the first runner stops mid-migration while the second arrives.
    const gate = new pg.Client({ connectionString: url });
    await gate.connect();
    cleanups.push(() => gate.end());
    await gate.query("BEGIN; LOCK TABLE gate IN ACCESS EXCLUSIVE MODE");

    const runs = [migrateDatabase({ databaseUrl: url, migrationsDir: dir }), migrateDatabase({ databaseUrl: url, migrationsDir: dir })];
    await vi.waitFor(
      async () => {
        // A fresh connection each time: pg_stat_activity is a snapshot per transaction.
        const { rows } = await withClient(url, (c) =>
          c.query<{ wait_event: string }>(
            "SELECT wait_event FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' ORDER BY wait_event",
          ),
        );
        expect(rows.map((r) => r.wait_event)).toEqual(["advisory", "relation"]);
      },
      { timeout: 10_000, interval: 20 },
    );
    await gate.query("COMMIT");

    const results = await Promise.all(runs);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(["1_wait", "2_type", "3_table"]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 3]);
    expect((await records(url)).map((r) => r.migration_name)).toEqual(["1_wait", "2_type", "3_table"]);
  });

  it("refuses a migration that is applied but missing on disk", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ "1_a": "CREATE TABLE a (id int);", "2_b": "CREATE TABLE b (id int);" });
    await migrateDatabase({ databaseUrl: url, migrationsDir: dir });
    await rm(path.join(dir, "2_b"), { recursive: true });
    await writeMigrations(dir, { "3_c": "CREATE TABLE c (id int);" });

    const attempt = migrateDatabase({ databaseUrl: url, migrationsDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/2_b is applied in the database but missing/);
    expect(await tableExists(url, "c")).toBe(false);
  });
});
