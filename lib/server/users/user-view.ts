import "server-only";
import type { TUserView } from "@/lib/contracts/users";
import type { TRole } from "@/lib/contracts/roles";
import { accountThrottleKey } from "../auth/sign-in-throttle-keys";
import type { TTx } from "../db/client";
import { env } from "../env";

/** The columns a user view needs; the password hash is read only to say whether one exists. */
export const USER_VIEW_SELECT = {
  id: true,
  email: true,
  name: true,
  roles: true,
  disabled: true,
  passwordHash: true,
  oidcSubject: true,
  lastSignInAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type TUserRow = {
  id: string;
  email: string;
  name: string;
  roles: TRole[];
  disabled: boolean;
  passwordHash: string | null;
  oidcSubject: string | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

type TAccountThrottle = { failures: number; windowStartedAt: Date; blockedUntil: Date | null };

export function toUserView(row: TUserRow, throttle: TAccountThrottle | undefined, now = new Date()): TUserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    disabled: row.disabled,
    ssoOnly: row.passwordHash === null && row.oidcSubject !== null,
    failedSignIns: throttle?.failures ?? 0,
    locked: throttle?.blockedUntil != null && throttle.blockedUntil > now,
    lockedUntil: throttle?.blockedUntil && throttle.blockedUntil > now ? throttle.blockedUntil.toISOString() : null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Views of `rows` with each account's failed sign-ins from every address in the current window
 * (the account-wide counter; see countSignInFailure).
 */
export async function viewUsers(options: { tx: TTx; rows: TUserRow[]; now?: Date }): Promise<TUserView[]> {
  const now = options.now ?? new Date();
  const windowStart = new Date(now.getTime() - env().AUTH_THROTTLE_WINDOW_MINUTES * 60_000);
  const throttles = await options.tx.signInThrottle.findMany({
    where: { key: { in: options.rows.map((row) => accountThrottleKey(row.email)) }, windowStartedAt: { gt: windowStart } },
  });
  const byKey = new Map(throttles.map((t) => [t.key, t]));
  return options.rows.map((row) => toUserView(row, byKey.get(accountThrottleKey(row.email)), now));
}
