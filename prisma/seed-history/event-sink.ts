import type pg from "pg";
import { EVENT_BATCH_MAX, type TRunEvent } from "@/lib/contracts/events";
import type { TServicePrincipal } from "@/lib/server/authz/principal";
import type { TDb } from "@/lib/server/db/client";
import { ingestEvents } from "@/lib/server/events/ingest-events";

/**
 * Run events of the history, stored the way `POST /api/v1/events` stores them: through
 * ingestEvents, a batch of up to 1,000 per token, redacted, linked to their runs, shadow keys
 * sighted. Ids are drawn from the seeded random source, so a resumed day stores nothing twice.
 */
export class EventSink {
  private readonly queues = new Map<string, { principal: TServicePrincipal; events: TRunEvent[] }>();
  private readonly writes = new Set<Promise<void>>();
  stored = 0;
  duplicates = 0;

  constructor(
    private readonly db: TDb,
    private readonly pool: pg.Pool,
  ) {}

  report(principal: TServicePrincipal, event: TRunEvent): void {
    let queue = this.queues.get(principal.tokenId);
    if (!queue) this.queues.set(principal.tokenId, (queue = { principal, events: [] }));
    queue.events.push(event);
    if (queue.events.length >= EVENT_BATCH_MAX) this.write(principal, queue.events.splice(0));
  }

  /** Resolves once everything reported so far is stored; rejects with the first write that failed. */
  async flush(): Promise<void> {
    for (const { principal, events } of this.queues.values()) if (events.length) this.write(principal, events.splice(0));
    while (this.writes.size) await Promise.all(this.writes);
    if (this.failure) throw this.failure;
  }

  private write(principal: TServicePrincipal, events: TRunEvent[]): void {
    const writing = ingestEvents({ db: this.db, pool: this.pool, principal, events })
      .then((answer) => {
        this.stored += answer.stored;
        this.duplicates += answer.duplicates;
        // The generator's own mistake, not the demo's: every generated event is meant to be stored.
        const refused = answer.results.find((r) => r.status === "rejected" || r.status === "conflict");
        if (refused) throw new Error(`a generated event was ${refused.status}: ${JSON.stringify(refused.problems)}`);
      })
      .catch((error: unknown) => void (this.failure ??= error))
      .finally(() => this.writes.delete(writing));
    this.writes.add(writing);
  }

  private failure: unknown = null;
}
