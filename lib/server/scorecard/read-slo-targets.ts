import "server-only";
import { DEFAULT_SLO_TARGETS, type TSloTargets } from "@/lib/contracts/scorecard";
import type { TTx } from "../db/client";

export type TWorkflowSlo = { targets: TSloTargets; defaults: boolean };

/** Each workflow's SLO targets: its own row, or the defaults while nobody has set them. */
export async function readSloTargets(options: { db: TTx; workflowIds: readonly string[] }): Promise<Map<string, TWorkflowSlo>> {
  const rows = await options.db.workflowSlo.findMany({
    where: { workflowId: { in: [...options.workflowIds] } },
    select: { workflowId: true, successRate: true, toolErrorRate: true, latencyP95Ms: true },
  });
  const own = new Map(rows.map(({ workflowId, ...targets }) => [workflowId, targets]));
  return new Map(
    options.workflowIds.map((id) => {
      const targets = own.get(id);
      return [id, targets ? { targets, defaults: false } : { targets: DEFAULT_SLO_TARGETS, defaults: true }];
    }),
  );
}
