import "server-only";
import type { TDashboard } from "@/lib/contracts/dashboard";
import { ZApprovalTier, ZEnvironment, ZWorkflowStatus } from "@/lib/contracts/registry-enums";

type TWorkflow = { key: string; status: string; environment: string; maxTier: string | null };
type TSwitch = { scope: string; target: string };

const countBy = <K extends string>(keys: readonly K[], values: readonly string[]) =>
  keys.map((key) => ({ key, count: values.filter((v) => v === key).length }));

/**
 * The inventory by status, environment and highest tier (every value listed, zeros included, so
 * charts keep their axes), and how many are halted: by a GLOBAL switch or one on the workflow itself,
 * the rule the workflow page's halted banner uses.
 */
export function summarizeInventory(workflows: readonly TWorkflow[], engaged: readonly TSwitch[]): TDashboard["inventory"] {
  const global = engaged.some((s) => s.scope === "GLOBAL");
  const haltedKeys = new Set(engaged.filter((s) => s.scope === "WORKFLOW").map((s) => s.target));
  return {
    total: workflows.length,
    byStatus: countBy(
      ZWorkflowStatus.options,
      workflows.map((w) => w.status),
    ).map(({ key, count }) => ({ status: key, count })),
    byEnvironment: countBy(
      ZEnvironment.options,
      workflows.map((w) => w.environment),
    ).map(({ key, count }) => ({ environment: key, count })),
    byHighestTier: countBy(
      [...ZApprovalTier.options, "none" as const],
      workflows.map((w) => w.maxTier ?? "none"),
    ).map(({ key, count }) => ({ tier: key, count })),
    halted: workflows.filter((w) => w.status !== "RETIRED" && (global || haltedKeys.has(w.key))).length,
  };
}
