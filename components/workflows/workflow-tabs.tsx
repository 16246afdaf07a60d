import Link from "next/link";

export type TWorkflowTab = "overview" | "scorecard" | "runs" | "decisions" | "permissions" | "tokens" | "changes";

const TABS: { tab: TWorkflowTab; label: string; path: string }[] = [
  { tab: "overview", label: "Overview", path: "" },
  { tab: "scorecard", label: "Scorecard", path: "/scorecard" },
  { tab: "runs", label: "Runs", path: "/runs" },
  { tab: "decisions", label: "Decisions", path: "/decisions" },
  { tab: "permissions", label: "Permissions", path: "/permissions" },
  { tab: "tokens", label: "Service tokens", path: "/tokens" },
  { tab: "changes", label: "Changes", path: "/changes" },
];

/** The sections of one workflow's pages; each page names its own tab as `current`. */
export function WorkflowTabs({ workflowId, current }: { workflowId: string; current: TWorkflowTab }) {
  const base = `/workflows/${encodeURIComponent(workflowId)}`;
  return (
    <nav className="workflow-tabs" aria-label="Workflow sections">
      <ul>
        {TABS.map(({ tab, label, path }) => (
          <li key={tab}>
            <Link
              href={`${base}${path}`}
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
