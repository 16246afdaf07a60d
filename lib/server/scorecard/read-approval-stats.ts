import "server-only";
import type { TTx } from "../db/client";
import type { TPeriod } from "./plan-window";
import type { TApprovalRow } from "./summarize-period";

type TSql = { current: boolean; status: string; count: number; median_ms: number | null };

/**
 * Approval requests a workflow opened in each period, by status, with the median time from request
 * to approval of the approved ones. The table is small and indexed by (workflow_id, created_at).
 */
export async function readApprovalStats(options: {
  db: TTx;
  workflowId: string;
  current: TPeriod;
  previous: TPeriod;
}): Promise<{ current: TApprovalRow[]; previous: TApprovalRow[] }> {
  const { db, workflowId, current, previous } = options;
  const rows = await db.$queryRaw<TSql[]>`
    SELECT created_at >= ${current.from} AS current, status::text AS status, count(*)::int AS count,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - created_at) * 1000)
              FILTER (WHERE status = 'APPROVED' AND decided_at IS NOT NULL))::float8 AS median_ms
    FROM approval_requests
    WHERE workflow_id = ${workflowId}::uuid AND created_at >= ${previous.from} AND created_at < ${current.to}
    GROUP BY 1, 2`;
  const of = (isCurrent: boolean) =>
    rows
      .filter((r) => r.current === isCurrent)
      .map((r) => ({ status: r.status, count: r.count, medianMs: r.median_ms === null ? null : Math.round(r.median_ms) }));
  return { current: of(true), previous: of(false) };
}
