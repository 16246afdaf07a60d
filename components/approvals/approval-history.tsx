"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { hasFilters, type TApprovalHistoryFilters } from "@/lib/client/approvals/keys";
import { useApprovalHistory } from "@/lib/client/approvals/use-approval-history";
import type { TApprovalHistoryPage } from "@/lib/contracts/approvals-console";
import { ApprovalHistoryFilters } from "./approval-history-filters";
import { ApprovalHistoryTable } from "./approval-history-table";

/** Every decided request, searchable, newest first. */
export function ApprovalHistory({ initialPage }: { initialPage: TApprovalHistoryPage }) {
  const [filters, setFilters] = useState<TApprovalHistoryFilters>({});
  const history = useApprovalHistory({ filters, initialPage });
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = hasFilters(filters);
  return (
    <div className="stack">
      <ApprovalHistoryFilters value={filters} onChange={setFilters} />
      {history.error ? (
        <Alert tone="error" title="Could not load the history" reference={history.error.requestId}>
          {history.error.detail}
        </Alert>
      ) : null}
      {history.isPending ? <p className="muted">Loading…</p> : null}
      {!history.isPending && !items.length ? (
        <EmptyState title={filtered ? "No decided requests match this search" : "No decisions yet"}>
          <p>Approved, denied, expired and cancelled requests are kept here, each linked to its trail in the audit log.</p>
        </EmptyState>
      ) : null}
      {items.length ? <ApprovalHistoryTable items={items} /> : null}
      {history.hasNextPage ? (
        <div className="load-more">
          <button className="button" type="button" onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
            {history.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
