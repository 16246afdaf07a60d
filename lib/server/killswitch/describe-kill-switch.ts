import "server-only";
import type { TKillSwitchScope } from "@/lib/contracts/killswitch";

const NOUN: Record<Exclude<TKillSwitchScope, "GLOBAL">, string> = {
  WORKFLOW: "workflow",
  TOOL: "tool",
  MODEL: "model",
  PROVIDER: "provider",
};

/** "the kill switch on workflow support-refunds", "the GLOBAL kill switch": for messages people read. */
export function describeKillSwitch(ks: { scope: TKillSwitchScope; target: string }): string {
  return ks.scope === "GLOBAL" ? "the GLOBAL kill switch" : `the kill switch on ${NOUN[ks.scope]} ${ks.target}`;
}
