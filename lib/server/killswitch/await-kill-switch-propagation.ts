import "server-only";
import type { TKillSwitchPropagation } from "@/lib/contracts/killswitch";
import type { TTx } from "../db/client";

/** A gate that has not announced itself for this long is gone (heartbeats come every second). */
const LIVE_SECONDS = 3;
const POLL_MS = 10;

type TCount = { gates: bigint; confirmed: bigint };

async function countAcks(db: TTx, killSwitchId: string): Promise<{ gates: number; confirmed: number }> {
  const [row] = await db.$queryRaw<TCount[]>`
    SELECT count(*) AS gates, count(a.instance_id) AS confirmed
    FROM gate_instances g
    LEFT JOIN kill_switch_acks a ON a.instance_id = g.id AND a.kill_switch_id = ${killSwitchId}::uuid
    WHERE g.vouching AND g.seen_at > now() - make_interval(secs => ${LIVE_SECONDS})`;
  return { gates: Number(row?.gates ?? 0), confirmed: Number(row?.confirmed ?? 0) };
}

/**
 * After an engage commits: waits until every live gate that vouches for its kill-switch state has
 * acknowledged the switch (each acknowledges once it denies what the switch covers), so a decision
 * made after the engage answers is a deny on every gate. A gate that cannot vouch denies every call
 * already; one that stops announcing itself drops out after a few seconds. Past `timeoutMs` it
 * answers what it has, `complete: false`, for the console to show.
 */
export async function awaitKillSwitchPropagation(options: {
  db: TTx;
  killSwitchId: string;
  timeoutMs?: number;
}): Promise<TKillSwitchPropagation> {
  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  for (;;) {
    const { gates, confirmed } = await countAcks(options.db, options.killSwitchId);
    const complete = confirmed >= gates;
    if (complete || Date.now() >= deadline) return { gates, confirmed, complete };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
