import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const E2E_DATABASE_URL_FILE = path.join(os.tmpdir(), "tollgate-e2e-database-url");

/** Runs SQL on the e2e server's database: for moving time forward, never for faking what the app does. */
export async function withE2eDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: (await readFile(E2E_DATABASE_URL_FILE, "utf8")).trim() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
