import "server-only";
import type { TSessionUser } from "../authz/principal";
import { workflowReadWhere } from "../authz/workflow-scope";
import type { TTx } from "../db/client";
import type { Prisma } from "../db/generated/client";

/**
 * The kill switches this person may see: every switch, except those on workflows they cannot read
 * (another owner's), which are left out as if they did not exist.
 */
export async function killSwitchReadWhere(options: { tx: TTx; user: TSessionUser }): Promise<Prisma.KillSwitchWhereInput> {
  const { tx, user } = options;
  const halted = await tx.killSwitch.findMany({ where: { scope: "WORKFLOW" }, distinct: ["target"], select: { target: true } });
  const readable = await tx.workflow.findMany({
    where: { AND: [{ key: { in: halted.map((h) => h.target) } }, workflowReadWhere(user)] },
    select: { key: true },
  });
  return { OR: [{ scope: { not: "WORKFLOW" } }, { target: { in: readable.map((w) => w.key) } }] };
}
