import "server-only";
import type { TTx } from "../db/client";

/** Row-locks one user until the transaction ends; false when there is no such user. */
export async function lockUser(options: { tx: TTx; id: string }): Promise<boolean> {
  const rows = await options.tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${options.id}::uuid FOR UPDATE`;
  return rows.length > 0;
}
