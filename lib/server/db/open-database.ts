import "server-only";
import path from "node:path";
import pg from "pg";
import { env } from "../env";
import { embeddedUrl, ensureDatabase, startEmbeddedPostgres, type TEmbeddedPostgres } from "./embedded";

export type TOpenDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

const DATABASE = "tollgate";

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The database the app runs on: DATABASE_URL when set, otherwise the embedded Postgres under
 * TOLLGATE_DATA_DIR, reused if `npm start` already has it running.
 */
export async function openDatabase(options: { log?: (line: string) => void } = {}): Promise<TOpenDatabase> {
  const config = env();
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  const server = await startOrJoin(config.TOLLGATE_DATA_DIR, config.EMBEDDED_PG_PORT, options.log);
  await ensureDatabase(server.url("postgres"), DATABASE);
  return { url: server.url(DATABASE), embedded: true, stop: server.stop };
}

async function startOrJoin(dataDir: string, port: number, log?: (line: string) => void): Promise<TEmbeddedPostgres> {
  try {
    return await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port, ...(log ? { log } : {}) });
  } catch (error) {
    // Already running for another Tollgate process (npm start): share it, never stop it.
    if (await answers(embeddedUrl(port, "postgres"))) return { url: (db) => embeddedUrl(port, db), stop: async () => {} };
    throw error;
  }
}
