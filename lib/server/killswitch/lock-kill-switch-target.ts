import "server-only";
import type { TKillSwitchScope } from "@/lib/contracts/killswitch";
import type { TTx } from "../db/client";

// The first key of a two-key advisory lock: kill-switch targets, apart from every other lock.
const KILL_SWITCH_TARGETS = 72_361_110;

/**
 * Serialises engages of one scope and target until the transaction ends. There is no partial
 * unique index on engaged switches, so this lock is what keeps two concurrent engages from both
 * finding nothing engaged and both inserting.
 */
export async function lockKillSwitchTarget(options: { tx: TTx; scope: TKillSwitchScope; target: string }): Promise<void> {
  const key = `${options.scope}:${options.target}`;
  await options.tx.$executeRaw`SELECT pg_advisory_xact_lock(${KILL_SWITCH_TARGETS}::int, hashtext(${key}))`;
}
