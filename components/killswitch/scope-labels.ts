import type { TKillSwitchScope } from "@/lib/contracts/killswitch";

export const SCOPE_LABELS: Record<TKillSwitchScope, string> = {
  GLOBAL: "Everything (GLOBAL)",
  WORKFLOW: "Workflow",
  TOOL: "Tool",
  MODEL: "Model",
  PROVIDER: "Provider",
};

/** "Workflow support-refunds", "Everything (GLOBAL)": what a switch halts, in a heading. */
export function haltedThing(ks: { scope: TKillSwitchScope; target: string; workflow?: { name: string } | null }): string {
  if (ks.scope === "GLOBAL") return SCOPE_LABELS.GLOBAL;
  return `${SCOPE_LABELS[ks.scope]} ${ks.target}${ks.workflow ? ` (${ks.workflow.name})` : ""}`;
}
