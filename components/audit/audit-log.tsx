"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { useAuditEvents } from "@/lib/client/audit/use-audit-events";
import type { TAuditFilters } from "@/lib/client/query-keys";
import type { TAuditEventPage } from "@/lib/contracts/audit";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { VerifyChain } from "./verify-chain";

type TProps = { initialPage?: TAuditEventPage; initialFilters?: TAuditFilters };

export function AuditLog({ initialPage, initialFilters = {} }: TProps) {
  const [filters, setFilters] = useState<TAuditFilters>(initialFilters);
  const log = useAuditEvents({ filters, initialPage });
  const events = log.data?.pages.flatMap((page) => page.events) ?? [];
  const filtered = Boolean(filters.action || filters.actor || filters.target);

  return (
    <div className="stack">
      <VerifyChain />
      <section className="card" aria-labelledby="events-title">
        <h2 id="events-title">Events, newest first</h2>
        <AuditFilters value={filters} onChange={setFilters} />
        {log.error ? <Alert tone="error" title={log.error.message} /> : null}
        {log.isPending ? (
          <p className="muted" role="status">
            Loading events…
          </p>
        ) : null}
        {!log.isPending && events.length === 0 ? (
          <p className="empty-inline">
            {filtered
              ? "No events match these filters."
              : "No audit events yet. Sign-ins, user changes and every registry change will be recorded here."}
          </p>
        ) : null}
        {events.length > 0 ? <AuditTable events={events} /> : null}
        <div className="load-more">
          {log.hasNextPage ? (
            <button className="button" type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
              {log.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          ) : events.length > 0 ? (
            <p className="muted small">Start of the log{filtered ? " for these filters" : ""}.</p>
          ) : null}
        </div>
      </section>
    </div>
  );
}
