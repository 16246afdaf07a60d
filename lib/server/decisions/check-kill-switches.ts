import "server-only";
import type { TDecisionReason } from "@/lib/contracts/decisions";
import type { TKillSwitchScope, TKillSwitchView } from "./types";

/** Rule 1: every engaged switch that covers this call — GLOBAL, the workflow, the tool, the model, its provider. */
export function checkKillSwitches(options: {
  killSwitches: TKillSwitchView;
  workflowKey: string;
  tool: string;
  model: string;
}): TDecisionReason[] {
  const { killSwitches, workflowKey, tool, model } = options;
  const slash = model.indexOf("/");
  const provider = slash === -1 ? model : model.slice(0, slash);
  const scopes: [TKillSwitchScope, string, string][] = [
    ["GLOBAL", "*", "GLOBAL kill switch"],
    ["WORKFLOW", workflowKey, `kill switch on workflow ${workflowKey}`],
    ["TOOL", tool, `kill switch on tool ${tool}`],
    ["MODEL", model, `kill switch on model ${model}`],
    ["PROVIDER", provider, `kill switch on provider ${provider}`],
  ];
  // Nothing fails open: without a live view of the switches, no call can be shown to be unhalted.
  if (killSwitches.unknown) {
    return [
      {
        rule: 1,
        code: "kill_switch_state_unknown",
        message: `The gate cannot confirm that no kill switch is engaged (${killSwitches.unknown}); retry shortly`,
      },
    ];
  }
  const reasons: TDecisionReason[] = [];
  for (const [scope, target, label] of scopes) {
    const engaged = killSwitches.engaged({ scope, target });
    if (engaged) reasons.push({ rule: 1, code: "kill_switch_engaged", message: `The ${label} is engaged: ${engaged.reason}` });
  }
  return reasons;
}
