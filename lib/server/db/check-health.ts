import "server-only";
import { db } from "./client";
import { readMigrationFiles } from "./migrate";

export type THealth = { status: "ok" | "degraded"; database: "reachable" | "unreachable"; migrations: { applied: number; pending: string[] } };

/** Is the database reachable, and has it applied every migration this build ships with? */
export async function checkHealth(): Promise<THealth> {
  const files = await readMigrationFiles();
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = files.map((f) => f.name).filter((name) => !applied.has(name));
    return { status: pending.length ? "degraded" : "ok", database: "reachable", migrations: { applied: applied.size, pending } };
  } catch {
    return { status: "degraded", database: "unreachable", migrations: { applied: 0, pending: files.map((f) => f.name) } };
  }
}
