import "server-only";
import type { TTx } from "../../db/client";

/** Row-locks one change request until the transaction ends, so only one decision can land. */
export async function lockChangeRequest(options: { tx: TTx; id: string }): Promise<boolean> {
  const rows = await options.tx.$queryRaw<{ id: string }[]>`SELECT id FROM change_requests WHERE id = ${options.id}::uuid FOR UPDATE`;
  return rows.length > 0;
}
