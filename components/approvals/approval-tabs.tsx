import Link from "next/link";

const TABS = [
  { tab: "queue", label: "Queue", href: "/approvals" },
  { tab: "history", label: "History", href: "/approvals/history" },
] as const;

/** Queue and history of approvals; each page names its own tab as `current`. */
export function ApprovalTabs({ current }: { current: (typeof TABS)[number]["tab"] }) {
  return (
    <nav className="workflow-tabs" aria-label="Approval sections">
      <ul>
        {TABS.map(({ tab, label, href }) => (
          <li key={tab}>
            <Link
              href={href}
              className={tab === current ? "workflow-tab workflow-tab-current" : "workflow-tab"}
              aria-current={tab === current ? "page" : undefined}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
