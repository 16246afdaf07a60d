import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/console/console-shell";
import { navItemsFor } from "@/components/console/nav-items";
import { permissionsOf } from "@/lib/contracts/permissions";
import { currentPageUser } from "@/lib/server/http/require-page-user";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentPageUser();
  // Without a session the page redirects to sign-in itself: only it knows its path for the way
  // back, and a layout's redirect would win over the page's. A layout cannot guard its page anyway.
  if (!user) return children;
  return (
    <ConsoleShell user={{ name: user.name, email: user.email, roles: user.roles }} nav={navItemsFor(permissionsOf(user.roles))}>
      {children}
    </ConsoleShell>
  );
}
