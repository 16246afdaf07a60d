import "server-only";
import type { TKillSwitchScope } from "@/lib/contracts/killswitch";
import type { TWorkflowHalt } from "@/lib/contracts/workflows";
import { db, type TTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

export type TEngagedSwitch = { scope: TKillSwitchScope; target: string };

/** The switches engaged now: a handful at any time, read once per list (index on released_at). */
export const readEngagedSwitches = (tx: TTx): Promise<TEngagedSwitch[]> =>
  tx.killSwitch.findMany({ where: { releasedAt: null }, select: { scope: true, target: true }, orderBy: { engagedAt: "asc" } });

const targetsOf = (engaged: readonly TEngagedSwitch[], scope: TKillSwitchScope) =>
  engaged.filter((s) => s.scope === scope).map((s) => s.target);

function modelMatch(engaged: readonly TEngagedSwitch[]): Prisma.ApprovedModelWhereInput[] {
  const refs = targetsOf(engaged, "MODEL").flatMap((ref) => {
    const [provider, model, version] = ref.split("/");
    return provider && model && version ? [{ provider, model, version }] : [];
  });
  const providers = targetsOf(engaged, "PROVIDER");
  return [...refs, ...(providers.length ? [{ provider: { in: providers } }] : [])];
}

/**
 * What the gate would deny part of (rule 1 of the decision engine, checkKillSwitches): a switch on
 * a tool the workflow may call, one of its approved models, or their provider. Null: none engaged.
 */
function partlyHaltedWhere(engaged: readonly TEngagedSwitch[]): Prisma.WorkflowWhereInput | null {
  const tools = targetsOf(engaged, "TOOL");
  const models = modelMatch(engaged);
  const or: Prisma.WorkflowWhereInput[] = [
    ...(tools.length ? [{ tools: { some: { tool: { key: { in: tools } } } } }] : []),
    ...(models.length ? [{ models: { some: { model: { OR: models } } } }] : []),
  ];
  return or.length ? { OR: or } : null;
}

/** The list's halted filter: the workflows these switches halt, wholly or in part (`halted`), or the others. */
export function haltFilterWhere(engaged: readonly TEngagedSwitch[], halted: boolean): Prisma.WorkflowWhereInput {
  if (engaged.some((s) => s.scope === "GLOBAL")) return halted ? {} : { id: { in: [] } };
  const partly = partlyHaltedWhere(engaged);
  const where: Prisma.WorkflowWhereInput = { OR: [{ key: { in: targetsOf(engaged, "WORKFLOW") } }, ...(partly ? [partly] : [])] };
  return halted ? where : { NOT: where };
}

/**
 * Each listed workflow's halt, or none: whole halts from the switches alone, partial ones in one
 * query over the page's ids (never one per row), naming the tools and models the switches touch.
 */
export async function listWorkflowsHalts(options: {
  tx: TTx;
  workflows: readonly { id: string; key: string }[];
  engaged: readonly TEngagedSwitch[];
}): Promise<Map<string, TWorkflowHalt>> {
  const { tx, workflows, engaged } = options;
  const halts = new Map<string, TWorkflowHalt>();
  const add = (id: string, whole: boolean, label: string) => {
    const halt = halts.get(id) ?? { whole: false, by: [] };
    halts.set(id, { whole: halt.whole || whole, by: [...halt.by, label] });
  };
  const global = engaged.some((s) => s.scope === "GLOBAL");
  for (const w of workflows) {
    if (global) add(w.id, true, "every workflow (global)");
    if (engaged.some((s) => s.scope === "WORKFLOW" && s.target === w.key)) add(w.id, true, `workflow ${w.key}`);
  }
  const partly = partlyHaltedWhere(engaged);
  if (!partly || !workflows.length) return halts;
  const tools = targetsOf(engaged, "TOOL");
  const models = modelMatch(engaged);
  const touched = await tx.workflow.findMany({
    where: { AND: [{ id: { in: workflows.map((w) => w.id) } }, partly] },
    select: {
      id: true,
      tools: { where: { tool: { key: { in: tools } } }, select: { tool: { select: { key: true } } } },
      // An empty OR matches nothing: no model switches, no models read.
      models: { where: { model: { OR: models } }, select: { model: { select: { provider: true, model: true, version: true } } } },
    },
  });
  const providers = new Set(targetsOf(engaged, "PROVIDER"));
  for (const w of touched) {
    for (const t of w.tools) add(w.id, false, `tool ${t.tool.key}`);
    for (const { model: m } of w.models) {
      const ref = `${m.provider}/${m.model}/${m.version}`;
      if (targetsOf(engaged, "MODEL").includes(ref)) add(w.id, false, `model ${ref}`);
      if (providers.has(m.provider)) add(w.id, false, `provider ${m.provider}`);
    }
  }
  // A provider named twice by two of its models is one halt.
  for (const [id, halt] of halts) halts.set(id, { ...halt, by: [...new Set(halt.by)] });
  return halts;
}

/** One workflow's halt, or null: the same answer its row in the list gives. */
export async function readWorkflowHalt(options: { tx?: TTx; workflow: { id: string; key: string } }): Promise<TWorkflowHalt | null> {
  const tx = options.tx ?? db;
  const engaged = await readEngagedSwitches(tx);
  const halts = await listWorkflowsHalts({ tx, workflows: [options.workflow], engaged });
  return halts.get(options.workflow.id) ?? null;
}
