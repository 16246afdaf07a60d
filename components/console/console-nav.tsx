"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { TNavItem } from "./nav-items";

export function ConsoleNav({ items }: { items: readonly TNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                className={current ? "nav-link nav-link-current" : "nav-link"}
                aria-current={current ? "page" : undefined}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
