import "server-only";
import type { TTx } from "../../db/client";

/** Row-locks one workflow until the transaction ends, so edits, proposals and approvals of it queue. */
export async function lockWorkflow(options: { tx: TTx; id: string }): Promise<void> {
  await options.tx.$queryRaw`SELECT id FROM workflows WHERE id = ${options.id}::uuid FOR UPDATE`;
}
