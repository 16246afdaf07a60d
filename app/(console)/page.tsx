import { redirect } from "next/navigation";
import { AccessDenied } from "@/components/console/access-denied";
import { navItemsFor } from "@/components/console/nav-items";
import { permissionsOf } from "@/lib/contracts/permissions";
import { requirePageUser } from "@/lib/server/http/require-page-user";

/** The start page is the first console page the user's roles open. */
export default async function HomePage() {
  const { user } = await requirePageUser({ path: "/" });
  const first = navItemsFor(permissionsOf(user.roles))[0];
  if (first) redirect(first.href);
  return <AccessDenied home={null} />;
}
