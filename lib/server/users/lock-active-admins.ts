import "server-only";
import type { TTx } from "../db/client";

/**
 * Row-locks every active administrator, always in id order so that concurrent callers queue
 * instead of deadlocking. A caller that waited re-reads each row once its lock is granted, so it
 * never counts an administrator whom the transaction ahead of it has just removed.
 */
export async function lockActiveAdmins(options: { tx: TTx }): Promise<string[]> {
  const rows = await options.tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE 'ADMIN' = ANY(roles) AND NOT disabled ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.id);
}
