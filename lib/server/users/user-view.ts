import "server-only";
import type { TUserView } from "@/lib/contracts/users";
import type { TRole } from "@/lib/contracts/roles";

/** The columns a user view needs; the password hash is read only to say whether one exists. */
export const USER_VIEW_SELECT = {
  id: true,
  email: true,
  name: true,
  roles: true,
  disabled: true,
  passwordHash: true,
  oidcSubject: true,
  failedSignIns: true,
  lockedUntil: true,
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
  failedSignIns: number;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toUserView(row: TUserRow, now = new Date()): TUserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    disabled: row.disabled,
    ssoOnly: row.passwordHash === null && row.oidcSubject !== null,
    failedSignIns: row.failedSignIns,
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
