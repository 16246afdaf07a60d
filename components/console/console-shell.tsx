import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SignOutEverywhereButton } from "@/components/auth/sign-out-everywhere-button";
import { ROLE_LABELS, type TRole } from "@/lib/contracts/roles";
import { ConsoleNav } from "./console-nav";
import type { TNavItem } from "./nav-items";

type TProps = { user: { name: string; email: string; roles: readonly TRole[] }; nav: readonly TNavItem[]; children: ReactNode };

export function ConsoleShell({ user, nav, children }: TProps) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{" "}
          Tollgate
        </Link>
        <ConsoleNav items={nav} />
        <section className="account" aria-label="Signed in as">
          <p className="account-name">{user.name}</p>
          <p className="account-email">{user.email}</p>
          <ul className="account-roles" aria-label="Roles">
            {user.roles.map((role) => (
              <li key={role} className="badge badge-info" title={ROLE_LABELS[role]}>
                {role}
              </li>
            ))}
          </ul>
          <SignOutButton className="button button-small" />
          <SignOutEverywhereButton className="button button-small" />
        </section>
      </aside>
      <main id="main" className="main">
        {children}
      </main>
    </div>
  );
}
