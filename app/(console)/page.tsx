import { redirect } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { navItemsFor } from "@/components/console/nav-items";
import { permissionsOf } from "@/lib/contracts/permissions";
import type { TRole } from "@/lib/contracts/roles";
import { requirePageUser } from "@/lib/server/http/require-page-user";

// Security leads, administrators and auditors watch risk across the fleet: they start on the dashboard.
const DASHBOARD_FIRST: readonly TRole[] = ["SECURITY", "ADMIN", "AUDITOR"];

/** The start page: the dashboard for those who watch risk, otherwise the first page of their own work the roles open. */
export default async function HomePage() {
  const { user } = await requirePageUser({ path: "/" });
  const items = navItemsFor(permissionsOf(user.roles));
  const dashboardFirst = user.roles.some((role) => DASHBOARD_FIRST.includes(role));
  const first = items.find((item) => (item.href === "/dashboard") === dashboardFirst) ?? items[0];
  if (first) redirect(first.href);
  return <AccessDenied home={null} />;
}
