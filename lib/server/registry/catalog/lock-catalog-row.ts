import "server-only";
import type { TTx } from "../../db/client";

type TCatalogTable = "data_classes" | "approved_models" | "tools";

/**
 * Locks one catalog row until the transaction ends, so a check-then-write (version, usage) cannot
 * interleave with another editor. False when the row does not exist.
 */
export async function lockCatalogRow(options: { tx: TTx; table: TCatalogTable; id: string }): Promise<boolean> {
  const { tx, id } = options;
  // One literal statement per table: identifiers never come from input.
  const rows =
    options.table === "data_classes"
      ? await tx.$queryRaw<unknown[]>`SELECT 1 FROM data_classes WHERE id = ${id}::uuid FOR UPDATE`
      : options.table === "approved_models"
        ? await tx.$queryRaw<unknown[]>`SELECT 1 FROM approved_models WHERE id = ${id}::uuid FOR UPDATE`
        : await tx.$queryRaw<unknown[]>`SELECT 1 FROM tools WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length > 0;
}
