import "server-only";
import type { TTx } from "../db/client";
import type { KillSwitch } from "../db/generated/client";
import { notFound } from "../errors";

export type TLockedKillSwitch = KillSwitch & { releaseRequestedBy: { email: string } | null; releasedBy: { email: string } | null };

/** Row-locks one kill switch until the transaction ends, so a release request and its confirmation land one at a time. */
export async function lockKillSwitch(options: { tx: TTx; id: string }): Promise<TLockedKillSwitch> {
  const { tx, id } = options;
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM kill_switches WHERE id = ${id}::uuid FOR UPDATE`;
  if (!rows.length) throw notFound("The kill switch");
  return tx.killSwitch.findUniqueOrThrow({
    where: { id },
    include: { releaseRequestedBy: { select: { email: true } }, releasedBy: { select: { email: true } } },
  });
}
