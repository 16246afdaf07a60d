import type { TPermission } from "@/lib/contracts/permissions";

export type TNavItem = { label: string; href: string; permission: TPermission };

// The console's pages in menu order; each page checks the same permission on the server.
export const NAV_ITEMS: readonly TNavItem[] = [
  { label: "Dashboard", href: "/dashboard", permission: "dashboard:read" },
  { label: "Workflows", href: "/workflows", permission: "workflows:read" },
  { label: "Shadow workflows", href: "/shadow-workflows", permission: "workflows:read" },
  { label: "Catalog", href: "/catalog", permission: "catalog:read" },
  { label: "Change review", href: "/changes", permission: "changes:read" },
  { label: "Import / export", href: "/registry/transfer", permission: "workflows:read" },
  { label: "Approvals", href: "/approvals", permission: "approvals:read" },
  { label: "Kill switches", href: "/kill-switches", permission: "killswitch:read" },
  { label: "Audit log", href: "/audit", permission: "audit:read" },
  { label: "Webhooks", href: "/webhooks", permission: "webhooks:manage" },
  { label: "Users", href: "/admin/users", permission: "users:manage" },
];

export function navItemsFor(permissions: ReadonlySet<TPermission>): TNavItem[] {
  return NAV_ITEMS.filter((item) => permissions.has(item.permission));
}
