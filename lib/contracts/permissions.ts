import type { TRole } from "./roles";

// Permission names are data: routes and pages declare one, this table decides who holds it.
export const PERMISSIONS = [
  "users:read",
  "users:manage",
  "workflows:read",
  "workflows:create",
  "workflows:edit",
  "tokens:manage",
  "catalog:read",
  "catalog:manage",
  "registry:import",
  "changes:read",
  "changes:review",
  "approvals:read",
  "approvals:decide",
  "approvals:break_glass",
  "webhooks:manage",
  "killswitch:read",
  "killswitch:engage",
  "killswitch:release",
  "audit:read",
  "audit:export",
  "dashboard:read",
  // Everyone's own: ending one's own sessions ("sign out everywhere").
  "account:sessions",
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const READ_EVERYTHING: TPermission[] = [
  "users:read",
  "workflows:read",
  "catalog:read",
  "changes:read",
  "approvals:read",
  "killswitch:read",
  "audit:read",
  "audit:export",
  "dashboard:read",
  "account:sessions",
];

const SECURITY: TPermission[] = [
  ...READ_EVERYTHING,
  "catalog:manage",
  "registry:import",
  "changes:review",
  "approvals:decide",
  "approvals:break_glass",
  "webhooks:manage",
  "killswitch:engage",
  "killswitch:release",
];

export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  // The two-person release names Security (PRODUCT.md): an administrator may engage, never release.
  ADMIN: PERMISSIONS.filter((permission) => permission !== "killswitch:release"),
  SECURITY,
  APPROVER: ["workflows:read", "catalog:read", "approvals:read", "approvals:decide", "account:sessions"],
  // OWNER's workflow permissions are narrowed to their own workflows in the query (lib/server/authz).
  OWNER: [
    "workflows:read",
    "workflows:create",
    "workflows:edit",
    "tokens:manage",
    "catalog:read",
    "killswitch:read",
    "killswitch:engage",
    "account:sessions",
  ],
  AUDITOR: READ_EVERYTHING,
};

export function permissionsOf(roles: readonly TRole[]): Set<TPermission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function hasPermission(roles: readonly TRole[], permission: TPermission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
