import "server-only";
import { ZKillSwitchEngagerType, type TKillSwitchView } from "@/lib/contracts/killswitch";
import type { TSessionUser } from "../authz/principal";
import { workflowReadWhere } from "../authz/workflow-scope";
import type { TTx } from "../db/client";
import type { Prisma } from "../db/generated/client";

const PERSON = { select: { id: true, name: true, email: true } } as const;

export const KILL_SWITCH_VIEW_SELECT = {
  id: true,
  scope: true,
  target: true,
  reason: true,
  engagedAt: true,
  releaseRequestedAt: true,
  releaseReason: true,
  releasedAt: true,
  engagedBy: PERSON,
  engagedByType: true,
  engagedByLabel: true,
  releaseRequestedBy: PERSON,
  releasedBy: PERSON,
} satisfies Prisma.KillSwitchSelect;

type TKillSwitchRow = Prisma.KillSwitchGetPayload<{ select: typeof KILL_SWITCH_VIEW_SELECT }>;

/** Rows as people see them, each halted workflow with its runbook (the manual fallback) when `user` may read it. */
export async function toKillSwitchViews(options: { tx: TTx; user: TSessionUser; rows: TKillSwitchRow[] }): Promise<TKillSwitchView[]> {
  const { tx, user, rows } = options;
  const keys = [...new Set(rows.filter((r) => r.scope === "WORKFLOW").map((r) => r.target))];
  const workflows = keys.length
    ? await tx.workflow.findMany({
        where: { AND: [{ key: { in: keys } }, workflowReadWhere(user)] },
        select: { id: true, key: true, name: true, runbook: true },
      })
    : [];
  const byKey = new Map(workflows.map((w) => [w.key, w]));
  return rows.map((row) => ({
    ...row,
    engagedByType: ZKillSwitchEngagerType.parse(row.engagedByType),
    engagedAt: row.engagedAt.toISOString(),
    releaseRequestedAt: row.releaseRequestedAt?.toISOString() ?? null,
    releasedAt: row.releasedAt?.toISOString() ?? null,
    workflow: row.scope === "WORKFLOW" ? (byKey.get(row.target) ?? null) : null,
  }));
}

/** One kill switch, just written in `tx`, as its writer sees it. */
export async function readKillSwitchView(options: { tx: TTx; user: TSessionUser; id: string }): Promise<TKillSwitchView> {
  const row = await options.tx.killSwitch.findUniqueOrThrow({ where: { id: options.id }, select: KILL_SWITCH_VIEW_SELECT });
  const [view] = await toKillSwitchViews({ ...options, rows: [row] });
  if (!view) throw new Error(`kill switch ${options.id} vanished while being read`);
  return view;
}
