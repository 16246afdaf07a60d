import type { ReactNode } from "react";

/**
 * What will appear here, who puts it there, and (optionally) what to do next. The title is not a
 * heading, so the page's own <h1> stays the only heading that names the page.
 */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="card empty-state">
      <p className="empty-state-title">{title}</p>
      <div className="empty-state-body">{children}</div>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </section>
  );
}
