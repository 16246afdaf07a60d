import "server-only";
import type { TDataClassUpdated } from "@/lib/contracts/catalog";
import type { TTx } from "../../db/client";

type TRecomputed = TDataClassUpdated["recomputedWorkflows"][number];

/**
 * Re-derives Workflow.maxSensitivity for every workflow declaring `dataClassId`, in one statement
 * (a class may be declared by thousands). Postgres orders enum values as declared, so max() of
 * the sensitivities is the highest. updatedAt is left alone: the workflow itself was not edited.
 */
export async function recomputeWorkflowSensitivity(options: { tx: TTx; dataClassId: string }): Promise<TRecomputed[]> {
  const rows = await options.tx.$queryRaw<{ id: string; key: string; before: string | null; after: string | null }[]>`
    WITH derived AS (
      SELECT w.id, w.max_sensitivity AS before,
        (SELECT max(dc.sensitivity) FROM workflow_data_classes wdc JOIN data_classes dc ON dc.id = wdc.data_class_id
          WHERE wdc.workflow_id = w.id) AS after
      FROM workflows w
      WHERE w.id IN (SELECT workflow_id FROM workflow_data_classes WHERE data_class_id = ${options.dataClassId}::uuid)
    )
    UPDATE workflows w SET max_sensitivity = d.after
    FROM derived d
    WHERE w.id = d.id AND w.max_sensitivity IS DISTINCT FROM d.after
    RETURNING w.id::text AS id, w.key, d.before::text AS before, d.after::text AS after`;
  return rows
    .map((r) => ({ id: r.id, key: r.key, before: r.before as TRecomputed["before"], after: r.after as TRecomputed["after"] }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
