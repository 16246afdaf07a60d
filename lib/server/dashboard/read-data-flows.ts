import "server-only";
import type { TDashboard } from "@/lib/contracts/dashboard";
import type { TTx } from "../db/client";

const SENSITIVE = ["CONFIDENTIAL", "RESTRICTED"] as const;

/**
 * Confidential and restricted data reaching models: each sensitive class a workflow declares, to
 * each model it is granted, weighted by the calls the gate allowed it in the window. Decisions do
 * not name the class each call carried in the roll-ups, so a workflow's allowed calls count toward
 * every (class, model) pair its registry grants permit: what could have flowed, never less.
 */
export async function readDataFlows(options: {
  db: TTx;
  workflowIds: readonly string[];
  allowedCalls: ReadonlyMap<string, number>;
}): Promise<TDashboard["dataFlows"]> {
  const { db, allowedCalls } = options;
  const active = options.workflowIds.filter((id) => (allowedCalls.get(id) ?? 0) > 0);
  if (!active.length) return [];
  const workflows = await db.workflow.findMany({
    where: { id: { in: active }, dataClasses: { some: { dataClass: { sensitivity: { in: [...SENSITIVE] } } } } },
    select: {
      id: true,
      dataClasses: {
        where: { dataClass: { sensitivity: { in: [...SENSITIVE] } } },
        select: { dataClass: { select: { key: true, sensitivity: true } } },
      },
      models: { select: { model: { select: { provider: true, model: true, version: true, regions: true } } } },
    },
  });
  const flows = new Map<string, TDashboard["dataFlows"][number]>();
  for (const w of workflows) {
    const calls = allowedCalls.get(w.id) ?? 0;
    for (const { dataClass } of w.dataClasses) {
      for (const { model } of w.models) {
        const name = `${model.model}/${model.version}`;
        const key = `${dataClass.key}\u0000${model.provider}\u0000${name}`;
        const flow = flows.get(key) ?? {
          dataClass: dataClass.key,
          sensitivity: dataClass.sensitivity,
          provider: model.provider,
          model: name,
          regions: [...model.regions].sort(),
          workflows: 0,
          decisions: 0,
        };
        flow.workflows += 1;
        flow.decisions += calls;
        flows.set(key, flow);
      }
    }
  }
  return [...flows.values()].sort(
    (a, b) => b.decisions - a.decisions || a.dataClass.localeCompare(b.dataClass) || a.model.localeCompare(b.model),
  );
}
