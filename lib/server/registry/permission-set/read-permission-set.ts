import "server-only";
import { modelRef, type TPermissionSet } from "@/lib/contracts/registry";
import type { TTx } from "../../db/client";

/** A workflow's data classes, models and tool grants, in a stable order for diffs and exports. */
export async function readPermissionSet(options: { tx: TTx; workflowId: string }): Promise<TPermissionSet> {
  const workflow = await options.tx.workflow.findUniqueOrThrow({
    where: { id: options.workflowId },
    select: {
      dataClasses: { select: { dataClass: { select: { key: true } } } },
      models: { select: { model: { select: { provider: true, model: true, version: true } } } },
      tools: { select: { tool: { select: { key: true } }, ratePerMinute: true, argumentConstraints: true, tier: true } },
    },
  });
  return {
    dataClassKeys: workflow.dataClasses.map((d) => d.dataClass.key).sort(),
    modelRefs: workflow.models.map((m) => modelRef(m.model)).sort(),
    tools: workflow.tools
      .map((t) => ({
        toolKey: t.tool.key,
        ratePerMinute: t.ratePerMinute,
        argumentConstraints: (t.argumentConstraints as Record<string, unknown> | null) ?? null,
        tier: t.tier,
      }))
      .sort((a, b) => a.toolKey.localeCompare(b.toolKey)),
  };
}
