import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { env } from "../env";
import { computeSignInBlock } from "./compute-sign-in-block";
import type { TThrottleKey } from "./sign-in-throttle-keys";

type TCounted = { failures: number; window_started_at: Date };

/**
 * Counts one failed password attempt on each of its counters (a counter whose window has passed
 * starts over), and sets the block each one now calls for. A counter's first block is audited as
 * auth.sign_in.throttled, for an unknown email exactly as for a registered one.
 */
export async function countSignInFailure(options: {
  tx: TTx;
  keys: TThrottleKey[];
  now: Date;
  actor: TAuditActor;
  email: string;
  address: string;
  userId: string | null;
}): Promise<void> {
  const { tx, keys, now, actor, email, address, userId } = options;
  const { AUTH_THROTTLE_WINDOW_MINUTES, AUTH_ADDRESS_MAX_FAILURES, AUTH_ACCOUNT_MAX_FAILURES } = env();
  const limits = {
    windowMinutes: AUTH_THROTTLE_WINDOW_MINUTES,
    addressMaxFailures: AUTH_ADDRESS_MAX_FAILURES,
    accountMaxFailures: AUTH_ACCOUNT_MAX_FAILURES,
  };
  const windowStart = new Date(now.getTime() - AUTH_THROTTLE_WINDOW_MINUTES * 60_000);

  for (const { scope, key } of keys) {
    // One statement, so concurrent attempts from other addresses on this account add up exactly.
    const [counted] = await tx.$queryRaw<TCounted[]>`
      INSERT INTO sign_in_throttles (key, failures, window_started_at) VALUES (${key}, 1, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_throttles.window_started_at <= ${windowStart} THEN 1 ELSE sign_in_throttles.failures + 1 END,
        window_started_at = CASE WHEN sign_in_throttles.window_started_at <= ${windowStart} THEN ${now} ELSE sign_in_throttles.window_started_at END,
        blocked_until = CASE WHEN sign_in_throttles.window_started_at <= ${windowStart} THEN NULL ELSE sign_in_throttles.blocked_until END
      RETURNING failures, window_started_at`;
    if (!counted) continue;
    const blockAfter = (failures: number) =>
      computeSignInBlock({ scope, failures, windowStartedAt: counted.window_started_at, now, limits });
    const until = blockAfter(counted.failures);
    if (!until) continue;
    await tx.signInThrottle.update({ where: { key }, data: { blockedUntil: until } });
    // Audited when a counter first blocks, not again for each longer wait that follows.
    if (blockAfter(counted.failures - 1)) continue;
    await recordAuditEvent(tx, actor, {
      action: "auth.sign_in.throttled",
      target: userId ? { type: "user", id: userId } : undefined,
      data: { scope, address, email, failures: counted.failures, until: until.toISOString() },
    });
  }
}
