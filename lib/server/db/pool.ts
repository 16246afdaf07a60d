import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "../env";
import { logIdleConnectionError } from "./idle-connection-error";

const holder = globalThis as unknown as { tollgatePool?: pg.Pool };

/**
 * Plain `pg` for the run-time gate's hot paths (recording decisions, ingesting events), where
 * multi-row statements built from arrays beat an ORM round trip per row. Everything else uses Prisma.
 */
export function sqlPool(): pg.Pool {
  if (!holder.tollgatePool) {
    // Idle connections are kept: reopening one on the hot path costs a backend start and a SCRAM
    // exchange (thousands of PBKDF2 rounds on both sides) on the cores that answer decisions.
    holder.tollgatePool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: 8,
      idleTimeoutMillis: 0,
      application_name: "tollgate-runtime",
    });
    holder.tollgatePool.on("error", logIdleConnectionError);
  }
  return holder.tollgatePool;
}

export async function closeSqlPool(): Promise<void> {
  const pool = holder.tollgatePool;
  holder.tollgatePool = undefined;
  await pool?.end();
}
