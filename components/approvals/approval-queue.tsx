"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { hasFilters, type TApprovalQueueFilters } from "@/lib/client/approvals/keys";
import { useApprovalLiveUpdates } from "@/lib/client/approvals/use-approval-live-updates";
import { useApprovalQueue } from "@/lib/client/approvals/use-approval-queue";
import type { TApprovalQueuePage } from "@/lib/contracts/approvals-console";
import { ApprovalQueueFilters } from "./approval-queue-filters";
import { ApprovalQueueTable } from "./approval-queue-table";
import { LiveStatus } from "./live-status";

/** The requests the signed-in person may decide, updating live. */
export function ApprovalQueue({ initialPage, canDecide }: { initialPage: TApprovalQueuePage; canDecide: boolean }) {
  const [filters, setFilters] = useState<TApprovalQueueFilters>({});
  const { live } = useApprovalLiveUpdates();
  const queue = useApprovalQueue({ filters, initialPage, live });
  const pages = queue.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const first = pages[0];
  const filtered = hasFilters(filters);
  return (
    <div className="stack">
      {canDecide ? null : (
        <Alert tone="info" title="You can read approvals but not decide them">
          The queue lists the requests a person may decide; the history shows every decision.
        </Alert>
      )}
      <ApprovalQueueFilters value={filters} onChange={setFilters} />
      <LiveStatus live={live} />
      {queue.error ? (
        <Alert tone="error" title="Could not load the queue" reference={queue.error.requestId}>
          {queue.error.detail}
        </Alert>
      ) : null}
      {first ? (
        <p className="muted" aria-live="polite">
          {first.total} waiting for you{filtered ? " (filtered)" : ""}, soonest deadline first.
        </p>
      ) : (
        <p className="muted">Loading…</p>
      )}
      {first && !items.length ? (
        <EmptyState title={filtered ? "No requests match these filters" : "Nothing waiting for you"}>
          <p>
            When an automation attempts an action whose consequence needs a person (an external email, a permission change, a refund, a
            delete), the request appears here with its full context. Requests of workflows you own, are Responsible for, or whose service
            token you created are decided by someone else.
          </p>
        </EmptyState>
      ) : null}
      {items.length ? <ApprovalQueueTable items={items} asOf={first?.asOf ?? initialPage.asOf} /> : null}
      {queue.hasNextPage ? (
        <div className="load-more">
          <button className="button" type="button" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
            {queue.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
