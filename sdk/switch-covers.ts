import type { TKillSwitchState } from "@/lib/contracts/killswitch";

export function providerOf(model: string): string {
  const slash = model.indexOf("/");
  return slash === -1 ? model : model.slice(0, slash);
}

/**
 * The gate's rule 1, locally: GLOBAL, the workflow, the tool, the model or its provider. Without a
 * tool it answers whether the switch halts every call made with this model.
 */
export function switchCovers(killSwitch: TKillSwitchState, call: { workflowKey: string | null; tool?: string; model: string }): boolean {
  switch (killSwitch.scope) {
    case "GLOBAL":
      return true;
    case "WORKFLOW":
      // The stream only sends switches that apply to this token's workflow.
      return call.workflowKey === null || killSwitch.target === call.workflowKey;
    case "TOOL":
      return killSwitch.target === call.tool;
    case "MODEL":
      return killSwitch.target === call.model;
    case "PROVIDER":
      return killSwitch.target === providerOf(call.model);
  }
}
