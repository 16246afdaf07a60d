import "server-only";
import { DEFAULT_TIER, ZApprovalTier, type TConsequence } from "@/lib/contracts/registry-enums";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { tierBelow } from "../../shared/derive-workflow-risk";

const MAX_NAMED = 10;

/**
 * Refuses a consequence that would leave a workflow granting the tool below that consequence's
 * default tier: tiers may be raised, never lowered below the default, so the owners raise first.
 * Workflows the caller may not see are counted, not named.
 */
export async function checkGrantsMeetConsequence(options: {
  tx: TTx;
  user: TSessionUser;
  toolId: string;
  toolKey: string;
  consequence: TConsequence;
}) {
  const { tx, user, toolId, toolKey, consequence } = options;
  const floor = DEFAULT_TIER[consequence];
  const below = ZApprovalTier.options.filter((tier) => tierBelow(tier, floor));
  if (!below.length) return;
  const where = { toolId, tier: { in: below } };
  const [grants, total] = await Promise.all([
    tx.workflowTool.findMany({
      where: { ...where, workflow: workflowReadWhere(user) },
      select: { tier: true, workflow: { select: { key: true } } },
      orderBy: { workflow: { key: "asc" } },
      take: MAX_NAMED,
    }),
    tx.workflowTool.count({ where }),
  ]);
  if (!total) return;
  const named = grants.map((g) => `${g.workflow.key} (${g.tier})`);
  const more = total - named.length;
  const list = named.length ? `${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}` : `${total} workflow${total === 1 ? "" : "s"}`;
  const message = `${total === 1 ? "1 workflow grants" : `${total} workflows grant`} ${toolKey} below ${floor}: ${list}`;
  throw new AppError(
    "conflict",
    `A ${consequence} tool needs tier ${floor} or higher, and ${message}. Their tiers must be raised to ${floor} before the consequence can change.`,
    [{ path: "consequence", message: `${message}; raise their tiers first` }],
  );
}
