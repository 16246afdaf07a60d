import "server-only";
import type { TTx } from "../../db/client";

/** Serialises proposals and approvals of one policy until the transaction ends; false if it does not exist. */
export async function lockPolicy(options: { tx: TTx; id: string }): Promise<boolean> {
  const rows = await options.tx.$queryRaw<unknown[]>`SELECT 1 FROM policies WHERE id = ${options.id}::uuid FOR UPDATE`;
  return rows.length > 0;
}
