"use client";

import { Alert } from "@/components/ui/alert";
import { useRunTimeline } from "@/lib/client/runs/use-run-timeline";
import type { TRunTimeline } from "@/lib/contracts/runs";
import { RunSummary } from "./run-summary";
import { TimelineEntry } from "./timeline-entry";

/** A run as one story, oldest first, a bounded page at a time. */
export function RunTimeline({ workflowId, initialPage }: { workflowId: string; initialPage: TRunTimeline }) {
  const timeline = useRunTimeline({ workflowId, runId: initialPage.run.runId, initialPage });
  const pages = timeline.data?.pages ?? [initialPage];
  const entries = pages.flatMap((p) => p.entries);
  return (
    <div className="stack">
      <RunSummary run={pages[0]?.run ?? initialPage.run} />
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <p className="small muted">
          Oldest first: the gate&apos;s decisions, approvals with each vote, and what the automation reported. Times are the gate&apos;s for
          decisions and approvals, the automation&apos;s for its events.
        </p>
        <ol className="timeline" aria-label={`Timeline of run ${initialPage.run.runId}`}>
          {entries.map((entry) => (
            <TimelineEntry key={entry.key} entry={entry} />
          ))}
        </ol>
        {timeline.error ? (
          <Alert tone="error" title="Could not load more of the run" reference={timeline.error.requestId}>
            {timeline.error.detail}
          </Alert>
        ) : null}
        {timeline.hasNextPage ? (
          <div className="load-more">
            <button className="button" type="button" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>
              {timeline.isFetchingNextPage ? "Loading…" : `Load more (${entries.length} shown)`}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
